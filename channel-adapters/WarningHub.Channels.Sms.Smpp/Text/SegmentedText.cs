namespace WarningHub.Channels.Sms.Smpp.Text;

/// <summary>A text encoded and cut into the payloads of its message parts (user data without any header).</summary>
internal sealed record SegmentedText(SmsEncoding Encoding, IReadOnlyList<byte[]> Segments)
{
    /// <summary>Sent as message class 0 (flash, 闪信): data_coding 0x10 for the GSM alphabet, 0x18 for UCS-2.</summary>
    public bool Flash { get; init; }

    public byte DataCoding => Flash ? (byte)(0x10 | (byte)Encoding) : (byte)Encoding;

    public bool IsConcatenated => Segments.Count > 1;

    /// <summary>
    /// GSM-7 when every character is in the default alphabet or its extension table, else UCS-2. A single message
    /// holds 160 septets / 70 UCS-2 code units; a longer one is cut into parts of 153 / 67, never between the two
    /// septets of an escape pair nor between the two halves of a UTF-16 surrogate pair.
    /// </summary>
    public static SegmentedText Create(string text) => Create(text, UserDataHeader.ConcatenationLength);

    /// <summary>As <see cref="Create(string)"/>, with parts sized for a header of <paramref name="headerOctets"/> (7 for a 16-bit reference).</summary>
    public static SegmentedText Create(string text, int headerOctets)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (gsm7Part, ucs2Part) = SmsLimits.PartSizes(headerOctets);
        return Gsm7.TryMeasure(text, out var septets)
            ? new SegmentedText(SmsEncoding.Gsm7, SplitGsm7(text, septets, gsm7Part))
            : new SegmentedText(SmsEncoding.Ucs2, SplitUcs2(text, ucs2Part));
    }

    /// <summary>Decodes one payload (the simulator and tests use it to read what was sent).</summary>
    public static string Decode(byte dataCoding, ReadOnlySpan<byte> payload) => dataCoding switch
    {
        (byte)SmsEncoding.Ucs2 => System.Text.Encoding.BigEndianUnicode.GetString(payload),
        0x03 => System.Text.Encoding.Latin1.GetString(payload),
        _ => Gsm7.Decode(payload),
    };

    private static List<byte[]> SplitGsm7(string text, int totalSeptets, int partSeptets)
    {
        if (totalSeptets <= SmsLimits.Gsm7Single)
        {
            return [Gsm7.Encode(text)];
        }

        var parts = new List<byte[]>();
        var start = 0;
        var septets = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var cost = Gsm7.SeptetsOf(text[i]);
            if (septets + cost > partSeptets)
            {
                parts.Add(Gsm7.Encode(text.AsSpan(start, i - start)));
                start = i;
                septets = 0;
            }

            septets += cost;
        }

        parts.Add(Gsm7.Encode(text.AsSpan(start)));
        return parts;
    }

    private static List<byte[]> SplitUcs2(string text, int partLength)
    {
        if (text.Length <= SmsLimits.Ucs2Single)
        {
            return [System.Text.Encoding.BigEndianUnicode.GetBytes(text)];
        }

        var parts = new List<byte[]>();
        var start = 0;
        while (start < text.Length)
        {
            var length = Math.Min(partLength, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--; // keep the pair together: the low half would otherwise open the next part alone
            }

            parts.Add(System.Text.Encoding.BigEndianUnicode.GetBytes(text, start, length));
            start += length;
        }

        return parts;
    }
}
