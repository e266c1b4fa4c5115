using System.Text;

namespace WarningHub.Channels.Sms.Smpp.Text;

/// <summary>
/// The GSM 03.38 default alphabet and its extension table, one septet per octet (unpacked), which is how SMPP
/// carries data_coding 0x00: the SMSC packs septets for the air interface itself.
/// </summary>
internal static class Gsm7
{
    public const byte Escape = 0x1B;

    /// <summary>Index = septet value. 0x1B is the escape to the extension table and is never encoded from text.</summary>
    private const string DefaultAlphabet =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /// <summary>Characters reached through the escape: each costs two septets.</summary>
    private static readonly (char Char, byte Code)[] Extension =
    [
        ('\f', 0x0A), ('^', 0x14), ('{', 0x28), ('}', 0x29), ('\\', 0x2F),
        ('[', 0x3C), ('~', 0x3D), (']', 0x3E), ('|', 0x40), ('€', 0x65),
    ];

    private const short NotEncodable = -1;
    private const short ExtensionFlag = 0x100;

    /// <summary>char → septet (or ExtensionFlag | extension code); € (U+20AC) is the highest character in either table.</summary>
    private static readonly short[] EncodeTable = BuildEncodeTable();

    private static readonly char[] ExtensionDecode = BuildExtensionDecode();

    /// <summary>Septets one character costs: 1, 2 (extension table), or 0 when GSM-7 cannot carry it.</summary>
    public static int SeptetsOf(char c)
    {
        if (c >= EncodeTable.Length)
        {
            return 0;
        }

        var code = EncodeTable[c];
        return code == NotEncodable ? 0 : (code & ExtensionFlag) != 0 ? 2 : 1;
    }

    /// <summary>True when every character fits; <paramref name="septets"/> is then the encoded length.</summary>
    public static bool TryMeasure(ReadOnlySpan<char> text, out int septets)
    {
        septets = 0;
        foreach (var c in text)
        {
            var cost = SeptetsOf(c);
            if (cost == 0)
            {
                return false;
            }

            septets += cost;
        }

        return true;
    }

    /// <summary>Encodes text known to fit; returns the octets written.</summary>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var written = 0;
        foreach (var c in text)
        {
            var code = c < EncodeTable.Length ? EncodeTable[c] : NotEncodable;
            if (code == NotEncodable)
            {
                throw new ArgumentException($"U+{(int)c:X4} is not in the GSM 7-bit alphabet.", nameof(text));
            }

            if ((code & ExtensionFlag) != 0)
            {
                destination[written++] = Escape;
            }

            destination[written++] = (byte)(code & 0x7F);
        }

        return written;
    }

    public static byte[] Encode(ReadOnlySpan<char> text)
    {
        if (!TryMeasure(text, out var septets))
        {
            throw new ArgumentException("The text does not fit the GSM 7-bit alphabet.", nameof(text));
        }

        var octets = new byte[septets];
        Encode(text, octets);
        return octets;
    }

    /// <summary>Decodes unpacked septets; an unknown escape shows the base character, as 03.38 asks.</summary>
    public static string Decode(ReadOnlySpan<byte> septets)
    {
        var builder = new StringBuilder(septets.Length);
        for (var i = 0; i < septets.Length; i++)
        {
            var septet = septets[i] & 0x7F;
            if (septet == Escape && i + 1 < septets.Length)
            {
                var next = septets[++i] & 0x7F;
                var extended = ExtensionDecode[next];
                builder.Append(extended != '\0' ? extended : DefaultAlphabet[next]);
            }
            else if (septet != Escape)
            {
                builder.Append(DefaultAlphabet[septet]);
            }
        }

        return builder.ToString();
    }

    private static short[] BuildEncodeTable()
    {
        var table = new short['€' + 1];
        Array.Fill(table, NotEncodable);
        for (var i = 0; i < DefaultAlphabet.Length; i++)
        {
            if (i != Escape)
            {
                table[DefaultAlphabet[i]] = (short)i;
            }
        }

        foreach (var (c, code) in Extension)
        {
            table[c] = (short)(ExtensionFlag | code);
        }

        return table;
    }

    private static char[] BuildExtensionDecode()
    {
        var table = new char[128];
        foreach (var (c, code) in Extension)
        {
            table[code] = c;
        }

        return table;
    }
}
