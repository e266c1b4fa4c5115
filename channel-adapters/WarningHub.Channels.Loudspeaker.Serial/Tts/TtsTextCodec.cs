using System.Globalization;
using System.Text;

namespace WarningHub.Channels.Loudspeaker.Serial.Tts;

/// <summary>
/// Encodes script text as a module expects it and knows each encoding's code byte. Characters an encoding cannot
/// represent are an error, never replaced: a warning read out with a "?" in place of a place name is worse than a
/// permanent failure that an operator sees.
/// </summary>
internal sealed class TtsTextCodec
{
    private readonly Encoding _encoding;
    private readonly bool _gb2312Only;

    static TtsTextCodec()
    {
        // GB2312/GBK (936) and BIG5 (950) come from the code-pages provider that ships in the framework; registering
        // it is idempotent and process-wide by design of System.Text.Encoding, so it is done once here.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private TtsTextCodec(TtsTextEncoding kind, byte code, Encoding encoding, bool gb2312Only)
    {
        Kind = kind;
        Code = code;
        _encoding = encoding;
        _gb2312Only = gb2312Only;
    }

    public TtsTextEncoding Kind { get; }

    /// <summary>The encoding byte of the synthesis frame (0x00 GB2312, 0x01 GBK, 0x02 BIG5, 0x03 Unicode).</summary>
    public byte Code { get; }

    public static TtsTextCodec For(TtsTextEncoding kind) => kind switch
    {
        // .NET's "gb2312" is code page 936, i.e. GBK; GB2312 proper is GBK restricted to its rows (see IsGb2312Pair).
        TtsTextEncoding.Gb2312 => new(kind, 0x00, Strict(936), gb2312Only: true),
        TtsTextEncoding.Gbk => new(kind, 0x01, Strict(936), gb2312Only: false),
        TtsTextEncoding.Big5 => new(kind, 0x02, Strict(950), gb2312Only: false),
        TtsTextEncoding.Utf16 => new(kind, 0x03, new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), gb2312Only: false),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown text encoding."),
    };

    /// <summary>Bytes of text already known to be encodable.</summary>
    public int ByteCount(string text) => _encoding.GetByteCount(text);

    public byte[] Encode(string text) => _encoding.GetBytes(text);

    public string Decode(ReadOnlySpan<byte> bytes) => _encoding.GetString(bytes);

    /// <summary>Finds the first character the module cannot be sent in this encoding.</summary>
    /// <returns>Null when the whole text is encodable, else a description without the surrounding text.</returns>
    public string? FindUnencodable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            foreach (var rune in element.EnumerateRunes())
            {
                if (!CanEncode(rune))
                {
                    return $"U+{rune.Value:X4} at character {enumerator.ElementIndex + 1} cannot be encoded in {Kind}";
                }
            }
        }

        return null;
    }

    private bool CanEncode(Rune rune)
    {
        Span<char> chars = stackalloc char[2];
        var count = rune.EncodeToUtf16(chars);
        byte[] bytes;
        try
        {
            bytes = _encoding.GetBytes(chars[..count].ToArray());
        }
        catch (EncoderFallbackException)
        {
            return false;
        }

        return !_gb2312Only || bytes.Length == 1 || IsGb2312Pair(bytes[0], bytes[1]);
    }

    // GB2312 in EUC-CN form: rows 0xA1-0xA9 (symbols) and 0xB0-0xF7 (hanzi), cells 0xA1-0xFE. GBK's additions use lead
    // bytes 0x81-0xA0 or 0xAA-0xAF/0xF8-0xFE, or trail bytes 0x40-0xA0; a module set to GB2312 reads those as garbage.
    private static bool IsGb2312Pair(byte lead, byte trail) =>
        ((lead is >= 0xA1 and <= 0xA9) || (lead is >= 0xB0 and <= 0xF7)) && trail is >= 0xA1 and <= 0xFE;

    private static Encoding Strict(int codePage) =>
        Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
}
