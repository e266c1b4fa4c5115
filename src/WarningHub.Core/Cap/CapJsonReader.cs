using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace WarningHub.Core.Cap;

/// <summary>
/// Reads the JSON form of CAP 1.2 (property names are the CAP element names; repeated elements are arrays;
/// polygon, circle, references and addresses keep their CAP text form). Problems carry the same paths as in XML.
/// </summary>
public static class CapJsonReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads a JSON document held in a string.</summary>
    public static CapReadResult Read(string json, CapReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        options ??= CapReadOptions.Default;
        if (json.Length > options.MaxDocumentLength)
        {
            return CapReadResult.Refused(TooLarge(options));
        }

        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException)
        {
            // The default encoder would turn a lone surrogate into U+FFFD: a warning text changed in silence.
            return CapReadResult.Refused("the text holds a lone surrogate (half of a UTF-16 pair): it is not valid Unicode");
        }

        return Read(utf8, options);
    }

    /// <summary>Reads UTF-8 JSON from a stream, at most <see cref="CapReadOptions.MaxDocumentLength"/> bytes; the stream is left open.</summary>
    public static CapReadResult Read(Stream utf8Json, CapReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        options ??= CapReadOptions.Default;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = utf8Json.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > options.MaxDocumentLength)
            {
                return CapReadResult.Refused(TooLarge(options));
            }

            buffer.Write(chunk, 0, read);
        }

        return Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), options);
    }

    private static CapReadResult Read(ReadOnlyMemory<byte> utf8Json, CapReadOptions options)
    {
        // JSON forbids a byte-order mark, but Windows tools write one; it says nothing, so it is skipped.
        if (utf8Json.Span.StartsWith(Utf8ByteOrderMark))
        {
            utf8Json = utf8Json[Utf8ByteOrderMark.Length..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions
            {
                MaxDepth = options.MaxDepth,
                CommentHandling = JsonCommentHandling.Disallow,
                AllowTrailingCommas = false,
            });
        }
        catch (JsonException exception)
        {
            return CapReadResult.Refused(string.Create(
                CultureInfo.InvariantCulture,
                $"not well-formed JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}): {exception.Message}"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return CapReadResult.Refused("the document is not a JSON object holding a CAP alert");
            }

            var problems = new List<CapProblem>();
            var alert = new XElement(CapSchema.Name("alert"));
            CapJsonTree.Fill(alert, document.RootElement, CapSchema.Alert, CapPath.Root, problems);
            return CapModelReading.Finish(alert, problems);
        }
    }

    private static string TooLarge(CapReadOptions options) =>
        string.Create(CultureInfo.InvariantCulture, $"the document exceeds the size limit of {options.MaxDocumentLength} bytes");
}
