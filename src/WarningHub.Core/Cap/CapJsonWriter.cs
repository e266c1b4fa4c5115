using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace WarningHub.Core.Cap;

/// <summary>Writes the JSON form of CAP 1.2 (see <see cref="CapJsonReader"/>), in schema order.</summary>
public static class CapJsonWriter
{
    // Keeps Chinese text and CAP times ("+08:00") readable. The relaxed encoder is "unsafe" only for JSON
    // pasted unescaped into HTML or a script; this JSON is a document of its own (application/json).
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Writes the alert as UTF-8 JSON; the stream is left open.</summary>
    public static void Write(CapAlert alert, Stream destination, bool indent = true)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(destination);
        using var writer = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = indent, Encoder = Encoder });
        CapJsonTree.Write(writer, CapTreeWriter.ToTree(alert), CapSchema.Alert);
    }

    /// <summary>The alert as a JSON string.</summary>
    public static string ToJson(CapAlert alert, bool indent = true)
    {
        using var buffer = new MemoryStream();
        Write(alert, buffer, indent);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
