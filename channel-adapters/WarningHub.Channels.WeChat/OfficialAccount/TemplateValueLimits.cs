using System.Globalization;
using System.Text;

namespace WarningHub.Channels.WeChat.OfficialAccount;

/// <summary>
/// What WeChat shows of a value. Category templates (类目模板) limit each value by its key's type and refuse a whole
/// send (errcode 47003) when one is too long: thing (事物) 20 characters, character_string 32, phrase 5. Legacy
/// templates' keywordN values are not refused, but since May 2023 WeChat shows about 20 characters of them and nothing
/// after a line break. So every value is put on one line, and limited values are cut here, where the cut is ours: a
/// thing or keyword keeps 19 characters and an ellipsis. A value that opens with the Test/Exercise mark keeps it (the
/// validator makes the mark open its value). Other types (time, date, const, ...) pass unchanged.
/// </summary>
internal static class TemplateValueLimits
{
    private static readonly (string Prefix, int Max, bool Ellipsis)[] Limits =
    [
        ("character_string", 32, false),
        ("thing", 20, true),
        ("keyword", 20, true),
        ("phrase", 5, false),
    ];

    /// <summary>The most characters WeChat shows of <paramref name="key"/>, or null when it does not cut it.</summary>
    public static int? MaxLength(string key)
    {
        foreach (var (prefix, max, _) in Limits)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && IsTypeKey(key, prefix.Length))
            {
                return max;
            }
        }

        return null;
    }

    public static string Fit(string key, string value)
    {
        value = OneLine(value);
        foreach (var (prefix, max, ellipsis) in Limits)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && IsTypeKey(key, prefix.Length))
            {
                return Cut(value, max, ellipsis);
            }
        }

        return value;
    }

    /// <summary>thing1, thing12 are thing keys; things1 is not.</summary>
    private static bool IsTypeKey(string key, int prefixLength) =>
        key.Length > prefixLength && key.AsSpan(prefixLength).IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>WeChat shows nothing after a line break: line breaks (and runs of them) become one space.</summary>
    private static string OneLine(string value)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is not ('\r' or '\n'))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>Cuts to <paramref name="max"/> text elements, so a character outside the BMP is never split.</summary>
    private static string Cut(string value, int max, bool ellipsis)
    {
        var info = new StringInfo(value);
        if (info.LengthInTextElements <= max)
        {
            return value;
        }

        return ellipsis ? info.SubstringByTextElements(0, max - 1) + "…" : info.SubstringByTextElements(0, max);
    }
}
