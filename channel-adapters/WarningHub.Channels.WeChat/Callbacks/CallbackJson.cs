using System.Text.Json;

namespace WarningHub.Channels.WeChat.Callbacks;

/// <summary>
/// Reads a push in WeChat's JSON data format (数据格式 JSON: <c>{"ToUserName":…,"MsgType":"event",…}</c>) into its
/// top-level fields, with the limits of <see cref="CallbackXml"/>. Numbers keep their text (MsgID exceeds a double);
/// nested objects and arrays are skipped, as nested XML elements are.
/// </summary>
internal static class CallbackJson
{
    public static bool TryParse(byte[] body, out Dictionary<string, string> fields, out string error)
    {
        fields = new Dictionary<string, string>(StringComparer.Ordinal);
        error = string.Empty;
        try
        {
            var json = body.AsMemory();
            if (json.Span.StartsWith("\uFEFF"u8))
            {
                json = json[3..];
            }

            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "the JSON body is not an object";
                return false;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (fields.Count >= CallbackXml.MaxFields)
                {
                    error = "too many fields";
                    return false;
                }

                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                    _ => null,
                };
                if (value is null)
                {
                    continue;
                }

                if (value.Length > CallbackXml.MaxValueLength)
                {
                    error = $"field {property.Name} is too long";
                    return false;
                }

                fields[property.Name] = value;
            }

            return true;
        }
        catch (JsonException)
        {
            error = "malformed JSON";
            return false;
        }
    }

    /// <summary>True when the body's first non-blank byte opens a JSON object.</summary>
    public static bool LooksLikeJson(ReadOnlySpan<byte> body)
    {
        var start = body.StartsWith("\uFEFF"u8) ? body[3..] : body;
        var first = start.IndexOfAnyExcept(" \t\r\n"u8);
        return first >= 0 && start[first] == (byte)'{';
    }
}
