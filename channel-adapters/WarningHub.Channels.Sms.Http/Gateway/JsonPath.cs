using System.Globalization;
using System.Text.Json;

namespace WarningHub.Channels.Sms.Http.Gateway;

/// <summary>A dotted path into a JSON answer, such as <c>data.msgid</c> or <c>results[0].code</c>.</summary>
internal static class JsonPath
{
    /// <summary>The value at <paramref name="path"/> as text (strings unquoted, numbers as written); null when absent.</summary>
    public static string? Find(JsonElement root, string path) => Element(root, path) is { } found ? Text(found) : null;

    /// <summary>The element at <paramref name="path"/> (the root itself for an empty path); null when absent.</summary>
    public static JsonElement? Element(JsonElement root, string path)
    {
        var current = root;
        foreach (var step in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = step;
            int? index = null;
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0 && step.EndsWith(']') && int.TryParse(step[(bracket + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var i))
            {
                name = step[..bracket];
                index = i;
            }

            if (name.Length > 0)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current)) return null;
            }

            if (index is { } n)
            {
                if (current.ValueKind != JsonValueKind.Array || n >= current.GetArrayLength()) return null;
                current = current[n];
            }
        }

        return current;
    }

    private static string? Text(JsonElement current) =>
        current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => current.GetRawText(),
            _ => null,
        };
}
