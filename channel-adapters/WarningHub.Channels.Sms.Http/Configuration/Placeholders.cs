using System.Text;

namespace WarningHub.Channels.Sms.Http;

/// <summary>The placeholders of a Generic field template, filled per request.</summary>
internal static class Placeholders
{
    /// <summary>The placeholders of a send's fields.</summary>
    public static readonly string[] Known = ["phone", "phones", "phoneArray", "text", "reference", "correlation", "receiptUrl"];

    /// <summary>The placeholders that name one message, unusable when a request carries several.</summary>
    public static readonly string[] OneMessage = ["phone", "reference", "correlation", "receiptUrl"];

    /// <summary>The placeholders of a receipt pull's fields.</summary>
    public static readonly string[] Poll = ["pageSize"];

    /// <summary>The first placeholder of <paramref name="template"/> that is not in <paramref name="known"/> (default: a send's); null when all are.</summary>
    public static string? Unknown(string template, IReadOnlyCollection<string>? known = null)
    {
        known ??= Known;
        for (var start = template.IndexOf('{', StringComparison.Ordinal); start >= 0; start = template.IndexOf('{', start + 1))
        {
            var end = template.IndexOf('}', start);
            if (end < 0) return template[(start + 1)..];
            var name = template[(start + 1)..end];
            if (!known.Contains(name, StringComparer.Ordinal)) return name;
        }

        return null;
    }

    /// <summary>Whether <paramref name="template"/> has the placeholder <paramref name="name"/>.</summary>
    public static bool Uses(string template, string name) => template.Contains("{" + name + "}", StringComparison.Ordinal);

    /// <summary><paramref name="template"/> with each placeholder replaced by its value.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var result = new StringBuilder(template.Length + 64);
        var at = 0;
        while (at < template.Length)
        {
            var start = template.IndexOf('{', at);
            var end = start < 0 ? -1 : template.IndexOf('}', start);
            if (start < 0 || end < 0)
            {
                result.Append(template, at, template.Length - at);
                break;
            }

            result.Append(template, at, start - at);
            var name = template[(start + 1)..end];
            result.Append(values.TryGetValue(name, out var value) ? value : template[start..(end + 1)]);
            at = end + 1;
        }

        return result.ToString();
    }
}
