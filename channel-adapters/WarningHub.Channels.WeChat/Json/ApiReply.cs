using System.Globalization;
using System.Text.Json;

namespace WarningHub.Channels.WeChat.Json;

/// <summary>
/// The common shape of WeChat and WeCom JSON answers: <c>errcode</c> (absent means 0, as the token endpoint answers
/// success without it), <c>errmsg</c>, and the few fields this adapter reads. Numbers such as <c>msgid</c> are kept as
/// their decimal text so that large ids never pass through a floating-point type.
/// </summary>
internal sealed record ApiReply(int ErrCode, string ErrMsg, IReadOnlyDictionary<string, string> Fields)
{
    private static readonly JsonDocumentOptions Limits = new() { MaxDepth = 8 };

    /// <summary>Parses an answer body; false when it is not a JSON object with a numeric (or absent) errcode.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> body, out ApiReply reply)
    {
        reply = new ApiReply(0, string.Empty, new Dictionary<string, string>());
        try
        {
            using var document = JsonDocument.Parse(body, Limits);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var errcode = 0;
            var errmsg = string.Empty;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name, property.Value.ValueKind)
                {
                    case ("errcode", JsonValueKind.Number) when property.Value.TryGetInt32(out var code):
                        errcode = code;
                        break;
                    case ("errcode", _):
                        return false;
                    case ("errmsg", JsonValueKind.String):
                        errmsg = property.Value.GetString() ?? string.Empty;
                        break;
                    case (_, JsonValueKind.String):
                        fields[property.Name] = property.Value.GetString() ?? string.Empty;
                        break;
                    case (_, JsonValueKind.Number):
                        fields[property.Name] = property.Value.GetRawText();
                        break;
                }
            }

            reply = new ApiReply(errcode, errmsg, fields);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;

    /// <summary>The errmsg cut to a length fit for a result's Reason (it carries WeChat's request id, "rid").</summary>
    public string ShortMessage => ErrMsg.Length <= 120 ? ErrMsg : ErrMsg[..120];

    public string Code => ErrCode.ToString(CultureInfo.InvariantCulture);
}
