using System.Globalization;

namespace WarningHub.Channels.WeChat.OfficialAccount;

/// <summary>
/// Category templates (类目模板) limit each value by its key's type, and refuse a whole send (errcode 47003) when one
/// value is too long. The limits WeChat documents for the types a warning fills: thing (事物) 20 characters,
/// character_string 32, phrase 5. Longer values are cut, a thing with an ellipsis; types not listed here (first,
/// keywordN, remark of older templates; time; const) pass unchanged.
/// </summary>
internal static class TemplateValueLimits
{
    private static readonly (string Prefix, int Max, bool Ellipsis)[] Limits =
    [
        ("character_string", 32, false),
        ("thing", 20, true),
        ("phrase", 5, false),
    ];

    public static string Fit(string key, string value)
    {
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
