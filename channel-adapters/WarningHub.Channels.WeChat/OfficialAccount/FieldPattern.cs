using System.Text;

namespace WarningHub.Channels.WeChat.OfficialAccount;

/// <summary>
/// Patterns such as <c>{statusMark}{event}{level}预警</c>: text with <c>{name}</c> placeholders. A placeholder names a
/// <see cref="WarningHub.Abstractions.TextMessage.Fields"/> key, <c>text</c> or <c>statusMark</c>; an unknown name
/// renders empty. Braces cannot be escaped: warnings have no use for literal braces in a template value.
/// </summary>
internal static class FieldPattern
{
    public const string StatusMark = "{statusMark}";

    public static bool IsWellFormed(string? pattern)
    {
        if (pattern is null)
        {
            return false;
        }

        var open = false;
        foreach (var c in pattern)
        {
            if (c == '{')
            {
                if (open)
                {
                    return false;
                }

                open = true;
            }
            else if (c == '}')
            {
                if (!open)
                {
                    return false;
                }

                open = false;
            }
        }

        return !open;
    }

    /// <summary>The names of the placeholders of a well-formed pattern, in order.</summary>
    public static IEnumerable<string> Placeholders(string pattern)
    {
        var start = 0;
        while (pattern.IndexOf('{', start) is var open and >= 0 && pattern.IndexOf('}', open + 1) is var close and >= 0)
        {
            yield return pattern.Substring(open + 1, close - open - 1);
            start = close + 1;
        }
    }

    /// <summary>Fills the placeholders; <paramref name="escape"/> URL-encodes the values (for the detail URL).</summary>
    public static string Render(string pattern, Func<string, string> lookup, bool escape)
    {
        var builder = new StringBuilder(pattern.Length + 32);
        var start = 0;
        while (start < pattern.Length)
        {
            var open = pattern.IndexOf('{', start);
            var close = open < 0 ? -1 : pattern.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                builder.Append(pattern, start, pattern.Length - start);
                break;
            }

            builder.Append(pattern, start, open - start);
            var value = lookup(pattern.Substring(open + 1, close - open - 1));
            builder.Append(escape ? Uri.EscapeDataString(value) : value);
            start = close + 1;
        }

        return builder.ToString();
    }
}
