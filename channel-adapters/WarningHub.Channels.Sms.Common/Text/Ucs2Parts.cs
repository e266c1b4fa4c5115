using System.Text;

namespace WarningHub.Channels.Sms.Common.Text;

/// <summary>
/// A text as UCS2 (big-endian) message parts: 70 characters fit one SUBMIT; a longer text goes in parts of at most
/// 67 characters behind a 6-octet UDH (05 00 03 reference total number) with TP_udhi = 1. A part never ends between
/// the two halves of a surrogate pair, so no handset shows half a character.
/// </summary>
internal static class Ucs2Parts
{
    public const int SingleChars = 70;
    public const int PartChars = 67;
    public const int UdhLength = 6;

    /// <summary>How many parts <paramref name="text"/> needs.</summary>
    public static int Count(string text) => Split(text).Count;

    /// <summary>The Msg_Content of each part, UDH included when there is more than one.</summary>
    public static IReadOnlyList<byte[]> Encode(string text, byte reference)
    {
        var pieces = Split(text);
        var parts = new byte[pieces.Count][];
        for (var i = 0; i < pieces.Count; i++)
        {
            var ucs2 = Encoding.BigEndianUnicode.GetBytes(pieces[i]);
            if (pieces.Count == 1)
            {
                parts[i] = ucs2;
                continue;
            }

            var part = new byte[UdhLength + ucs2.Length];
            part[0] = 0x05; // UDHL: 5 octets follow
            part[1] = 0x00; // IEI: concatenated message, 8-bit reference
            part[2] = 0x03; // IEDL
            part[3] = reference;
            part[4] = (byte)pieces.Count;
            part[5] = (byte)(i + 1);
            ucs2.CopyTo(part, UdhLength);
            parts[i] = part;
        }

        return parts;
    }

    private static List<string> Split(string text)
    {
        if (text.Length <= SingleChars)
        {
            return [text];
        }

        var pieces = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var length = Math.Min(PartChars, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            pieces.Add(text.Substring(start, length));
            start += length;
        }

        return pieces;
    }
}
