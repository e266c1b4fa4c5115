using System.Globalization;
using System.Text;

namespace WarningHub.Core.Acknowledgements;

/// <summary>
/// Reads an officer's SMS reply to a 叫应 call. "1", "收到", "已收到", "好" and "ok" are answers, in any width
/// (full-width digits and letters fold to ASCII by NFKC) and case, with blanks and punctuation around them ignored.
/// </summary>
public static class AckReply
{
    private static readonly HashSet<string> Answers = new(StringComparer.Ordinal) { "1", "收到", "已收到", "好", "ok" };

    /// <summary>True when the text answers the call.</summary>
    public static bool IsAnswer(string? text) => text is not null && Answers.Contains(Normalize(text));

    /// <summary>The text folded as <see cref="IsAnswer"/> compares it: NFKC, lower case, no blanks or punctuation around it.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var start = 0;
        var end = folded.Length;
        while (start < end && IsNoise(folded[start])) start++;
        while (end > start && IsNoise(folded[end - 1])) end--;
        return folded[start..end];
    }

    private static bool IsNoise(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is
            UnicodeCategory.OtherPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.Format;
}
