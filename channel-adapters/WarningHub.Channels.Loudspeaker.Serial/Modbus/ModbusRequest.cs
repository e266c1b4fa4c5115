namespace WarningHub.Channels.Loudspeaker.Serial.Modbus;

/// <summary>Modbus RTU request frames for coils: slave, function, big-endian fields, CRC low byte first.</summary>
internal static class ModbusRequest
{
    /// <summary>Function 05: FF 00 switches the coil on, 00 00 off. A healthy slave echoes the request.</summary>
    public static byte[] WriteSingleCoil(byte slave, ushort coil, bool on)
    {
        var frame = new byte[8];
        frame[0] = slave;
        frame[1] = ModbusFunction.WriteSingleCoil;
        WriteUInt16(frame.AsSpan(2), coil);
        WriteUInt16(frame.AsSpan(4), on ? (ushort)0xFF00 : (ushort)0x0000);
        ModbusCrc.Append(frame);
        return frame;
    }

    /// <summary>Function 0F: coil values packed eight to a byte, first coil in the lowest bit.</summary>
    public static byte[] WriteMultipleCoils(byte slave, ushort firstCoil, IReadOnlyList<bool> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(values.Count, 1968);
        var byteCount = (values.Count + 7) / 8;
        var frame = new byte[9 + byteCount];
        frame[0] = slave;
        frame[1] = ModbusFunction.WriteMultipleCoils;
        WriteUInt16(frame.AsSpan(2), firstCoil);
        WriteUInt16(frame.AsSpan(4), (ushort)values.Count);
        frame[6] = (byte)byteCount;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i])
            {
                frame[7 + (i / 8)] |= (byte)(1 << (i % 8));
            }
        }

        ModbusCrc.Append(frame);
        return frame;
    }

    /// <summary>Function 01: read <paramref name="count"/> coils from <paramref name="firstCoil"/>.</summary>
    public static byte[] ReadCoils(byte slave, ushort firstCoil, ushort count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, (ushort)1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, (ushort)2000);
        var frame = new byte[8];
        frame[0] = slave;
        frame[1] = ModbusFunction.ReadCoils;
        WriteUInt16(frame.AsSpan(2), firstCoil);
        WriteUInt16(frame.AsSpan(4), count);
        ModbusCrc.Append(frame);
        return frame;
    }

    /// <summary>How many bytes a response has, given its first three bytes (slave, function, byte count or field).</summary>
    /// <returns>The whole response length, CRC included; -1 for a function not used here.</returns>
    public static int ResponseLength(ReadOnlySpan<byte> firstThree)
    {
        var function = firstThree[1];
        if ((function & ModbusFunction.ExceptionFlag) != 0)
        {
            return 5;
        }

        return function switch
        {
            ModbusFunction.ReadCoils => 5 + firstThree[2],
            ModbusFunction.WriteSingleCoil or ModbusFunction.WriteMultipleCoils => 8,
            _ => -1,
        };
    }

    private static void WriteUInt16(Span<byte> target, ushort value)
    {
        target[0] = (byte)(value >> 8);
        target[1] = (byte)value;
    }
}
