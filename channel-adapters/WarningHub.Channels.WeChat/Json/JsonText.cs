using System.Buffers;
using System.Text;
using System.Text.Json;

namespace WarningHub.Channels.WeChat.Json;

/// <summary>
/// Writes request bodies with Chinese text as UTF-8, not as \uXXXX escapes: WeCom refuses escaped characters
/// (errcode 40033 "不合法的请求字符,不能包含\uxxxx格式的字符"), and the default System.Text.Json encoder escapes every
/// non-ASCII character (and, even when relaxed, every character outside the BMP). String values are therefore quoted
/// here and written raw: only the quote, the backslash and the short control escapes are escaped; other control
/// characters and lone surrogates carry no meaning in a warning and are dropped.
/// </summary>
internal static class JsonText
{
    public static void WriteString(Utf8JsonWriter writer, string propertyName, string value)
    {
        writer.WritePropertyName(propertyName);
        writer.WriteRawValue(Quote(value), skipInputValidation: true);
    }

    public static void WriteStringValue(Utf8JsonWriter writer, string value) =>
        writer.WriteRawValue(Quote(value), skipInputValidation: true);

    /// <summary>Builds a JSON document with <paramref name="write"/> and returns it as text (for RestSharp's string body).</summary>
    public static string Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ': break;
                case var high when char.IsHighSurrogate(high) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]):
                    builder.Append(high).Append(value[++i]);
                    break;
                case var lone when char.IsSurrogate(lone): break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }
}
