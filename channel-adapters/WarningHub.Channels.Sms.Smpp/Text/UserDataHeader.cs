namespace WarningHub.Channels.Sms.Smpp.Text;

/// <summary>
/// The concatenation user data header (3GPP TS 23.040 9.2.3.24.1 and .8): UDHL 05, IEI 00 (8-bit reference),
/// IEDL 03, reference, total parts, this part's number (1-based), six octets; or UDHL 06, IEI 08 (16-bit
/// reference), IEDL 04, reference high and low, total, number, seven octets.
/// </summary>
internal static class UserDataHeader
{
    public const int ConcatenationLength = 6;
    public const int Concatenation16BitLength = 7;
    private const byte ConcatenationIei8Bit = 0x00;
    private const byte ConcatenationIei16Bit = 0x08;

    public static byte[] Prepend(byte reference, byte total, byte sequence, ReadOnlySpan<byte> payload)
    {
        var octets = new byte[ConcatenationLength + payload.Length];
        octets[0] = 0x05;
        octets[1] = ConcatenationIei8Bit;
        octets[2] = 0x03;
        octets[3] = reference;
        octets[4] = total;
        octets[5] = sequence;
        payload.CopyTo(octets.AsSpan(ConcatenationLength));
        return octets;
    }

    public static byte[] Prepend16(ushort reference, byte total, byte sequence, ReadOnlySpan<byte> payload)
    {
        var octets = new byte[Concatenation16BitLength + payload.Length];
        octets[0] = 0x06;
        octets[1] = ConcatenationIei16Bit;
        octets[2] = 0x04;
        octets[3] = (byte)(reference >> 8);
        octets[4] = (byte)reference;
        octets[5] = total;
        octets[6] = sequence;
        payload.CopyTo(octets.AsSpan(Concatenation16BitLength));
        return octets;
    }

    /// <summary>
    /// Finds a concatenation element (8- or 16-bit reference) in user data that starts with a UDH, and returns the
    /// payload after the header. False when the header is absent, malformed or not a concatenation.
    /// </summary>
    public static bool TryReadConcatenation(ReadOnlySpan<byte> userData, out int reference, out int total, out int sequence, out ReadOnlySpan<byte> payload)
    {
        reference = total = sequence = 0;
        payload = userData;
        if (userData.IsEmpty || userData[0] + 1 > userData.Length)
        {
            return false;
        }

        var header = userData.Slice(1, userData[0]);
        payload = userData[(userData[0] + 1)..];
        var found = false;
        while (header.Length >= 2)
        {
            var iei = header[0];
            var length = header[1];
            if (length + 2 > header.Length)
            {
                return false;
            }

            var element = header.Slice(2, length);
            if (iei == ConcatenationIei8Bit && length == 3)
            {
                (reference, total, sequence, found) = (element[0], element[1], element[2], true);
            }
            else if (iei == ConcatenationIei16Bit && length == 4)
            {
                (reference, total, sequence, found) = ((element[0] << 8) | element[1], element[2], element[3], true);
            }

            header = header[(2 + length)..];
        }

        return found;
    }
}
