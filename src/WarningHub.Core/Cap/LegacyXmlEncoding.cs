using System.Text;
using System.Text.RegularExpressions;

namespace WarningHub.Core.Cap;

/// <summary>
/// Chinese systems still send XML declared as GB2312, GBK or GB18030, which the runtime cannot decode out
/// of the box. The framework's code-page provider can; it is asked directly, without registering it
/// process-wide, and only when the XML declaration names such an encoding.
/// </summary>
internal static partial class LegacyXmlEncoding
{
    private const int HeadLength = 512;

    /// <summary>
    /// Reads the start of <paramref name="input"/> to look for the declared encoding. Returns a stream that
    /// replays those bytes and then continues with the rest, and the code-page encoding to decode it with,
    /// or null when XmlReader can decode the document itself (UTF-8, UTF-16, a byte-order mark, ...).
    /// </summary>
    public static Stream Inspect(Stream input, out Encoding? legacy)
    {
        var head = new byte[HeadLength];
        var count = 0;
        int read;
        while (count < head.Length && (read = input.Read(head, count, head.Length - count)) > 0)
        {
            count += read;
        }

        // Latin-1 maps each byte to one char, so an ASCII-compatible declaration reads correctly; a UTF-16
        // document does not match the pattern and is left to XmlReader.
        var match = Declaration().Match(Encoding.Latin1.GetString(head, 0, count));
        legacy = match.Success ? CodePagesEncodingProvider.Instance.GetEncoding(match.Groups["name"].Value) : null;
        return new ReplayStream(head, count, input);
    }

    [GeneratedRegex("""^<\?xml\s[^>]*?encoding\s*=\s*["'](?<name>[A-Za-z][A-Za-z0-9._-]*)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex Declaration();

    /// <summary>Serves a buffered head, then the rest of the original stream (left open).</summary>
    private sealed class ReplayStream(byte[] head, int headLength, Stream rest) : Stream
    {
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (position >= headLength)
            {
                return rest.Read(buffer, offset, count);
            }

            var served = Math.Min(count, headLength - position);
            Array.Copy(head, position, buffer, offset, served);
            position += served;
            return served;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
