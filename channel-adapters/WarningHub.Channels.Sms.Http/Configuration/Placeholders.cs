using System.Text;

namespace WarningHub.Channels.Sms.Http;

/// <summary>The placeholders of a Generic field template, filled per request.</summary>
internal static class Placeholders
{
    private static readonly string[] Known = ["phone", "phones", "text", "reference", "correlation", "receiptUrl"];

    /// <summary>The first placeholder of <paramref name="template"/> that is not known; null when all are.</summary>
    public static string? Unknown(string template)
    {
        for (var start = template.IndexOf('{', StringComparison.Ordinal); start >= 0; start = template.IndexOf('{', start + 1))
        {
            var end = template.IndexOf('}', start);
            if (end < 0) return template[(start + 1)..];
            var name = template[(start + 1)..end];
            if (!Known.Contains(name, StringComparer.Ordinal)) return name;
        }

        return null;
    }

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
