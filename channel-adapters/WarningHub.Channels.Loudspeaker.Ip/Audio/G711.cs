namespace WarningHub.Channels.Loudspeaker.Ip.Audio;

/// <summary>
/// ITU-T G.711 μ-law and A-law, written from the recommendation's segment tables: 16-bit linear PCM in, 8-bit codes
/// out, and back. Decoding goes through 256-entry tables built once.
/// </summary>
internal static class G711
{
    private const int MuLawBias = 0x84;
    private const int MuLawClip = 32635;

    private static readonly short[] MuLawTable = BuildTable(DecodeMuLawSlow);
    private static readonly short[] ALawTable = BuildTable(DecodeALawSlow);

    /// <summary>The code of silence: μ-law 0xFF, A-law 0xD5.</summary>
    public static byte Silence(byte payloadType) => payloadType == RtpPayloadTypes.Pcma ? (byte)0xD5 : (byte)0xFF;

    public static short DecodeMuLaw(byte code) => MuLawTable[code];

    public static short DecodeALaw(byte code) => ALawTable[code];

    public static byte EncodeMuLaw(short pcm)
    {
        var sign = pcm < 0 ? 0x80 : 0;
        var magnitude = Math.Min(Math.Abs((int)pcm), MuLawClip) + MuLawBias;
        var exponent = 7;
        for (var mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1)
        {
            exponent--;
        }

        var mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    public static byte EncodeALaw(short pcm)
    {
        // A-law works on 12 bits of magnitude; negative values use the one's complement so -1..-16 share code 0.
        var magnitude = (pcm < 0 ? ~pcm : pcm) >> 4;
        if (magnitude > 15)
        {
            var exponent = 1;
            while (magnitude > 31)
            {
                magnitude >>= 1;
                exponent++;
            }

            magnitude = (magnitude - 16) + (exponent << 4);
        }

        if (pcm >= 0)
        {
            magnitude |= 0x80;
        }

        return (byte)(magnitude ^ 0x55);
    }

    /// <summary>Decodes <paramref name="codes"/> of one law into <paramref name="pcm"/> (same length).</summary>
    public static void Decode(ReadOnlySpan<byte> codes, Span<short> pcm, byte payloadType)
    {
        var table = payloadType == RtpPayloadTypes.Pcma ? ALawTable : MuLawTable;
        for (var i = 0; i < codes.Length; i++)
        {
            pcm[i] = table[codes[i]];
        }
    }

    /// <summary>Encodes <paramref name="pcm"/> into codes of one law.</summary>
    public static byte[] Encode(ReadOnlySpan<short> pcm, byte payloadType)
    {
        var codes = new byte[pcm.Length];
        for (var i = 0; i < pcm.Length; i++)
        {
            codes[i] = payloadType == RtpPayloadTypes.Pcma ? EncodeALaw(pcm[i]) : EncodeMuLaw(pcm[i]);
        }

        return codes;
    }

    private static short DecodeMuLawSlow(byte code)
    {
        var u = ~code & 0xFF;
        var exponent = (u >> 4) & 0x07;
        var magnitude = ((((u & 0x0F) << 3) + MuLawBias) << exponent) - MuLawBias;
        return (short)((u & 0x80) != 0 ? -magnitude : magnitude);
    }

    private static short DecodeALawSlow(byte code)
    {
        var a = code ^ 0x55;
        var exponent = (a >> 4) & 0x07;
        var mantissa = a & 0x0F;
        if (exponent > 0)
        {
            mantissa += 16;
        }

        // The decoded value sits in the middle of its quantisation step.
        mantissa = (mantissa << 4) + 8;
        if (exponent > 1)
        {
            mantissa <<= exponent - 1;
        }

        return (short)((a & 0x80) != 0 ? mantissa : -mantissa);
    }

    private static short[] BuildTable(Func<byte, short> decode)
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++)
        {
            table[i] = decode((byte)i);
        }

        return table;
    }
}
