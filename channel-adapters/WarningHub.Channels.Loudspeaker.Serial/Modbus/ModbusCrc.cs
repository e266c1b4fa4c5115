namespace WarningHub.Channels.Loudspeaker.Serial.Modbus;

/// <summary>
/// CRC-16/MODBUS: polynomial 0x8005 reflected (0xA001), initial value 0xFFFF, no final XOR; sent low byte first.
/// Table-driven; the table is built from the polynomial at start-up.
/// </summary>
internal static class ModbusCrc
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc = (ushort)((crc >> 8) ^ Table[(crc ^ b) & 0xFF]);
        }

        return crc;
    }

    /// <summary>Writes the CRC of everything before the last two bytes into them, low byte first.</summary>
    public static void Append(Span<byte> frame)
    {
        var crc = Compute(frame[..^2]);
        frame[^2] = (byte)crc;
        frame[^1] = (byte)(crc >> 8);
    }

    /// <summary>True when the last two bytes are the CRC of the rest.</summary>
    public static bool IsValid(ReadOnlySpan<byte> frame) =>
        frame.Length >= 4 && Compute(frame[..^2]) == (ushort)(frame[^2] | (frame[^1] << 8));

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var value = (ushort)i;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? (ushort)((value >> 1) ^ 0xA001) : (ushort)(value >> 1);
            }

            table[i] = value;
        }

        return table;
    }
}
