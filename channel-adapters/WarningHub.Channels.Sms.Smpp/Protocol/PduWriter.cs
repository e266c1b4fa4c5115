using System.Buffers.Binary;

namespace WarningHub.Channels.Sms.Smpp.Protocol;

/// <summary>
/// Writes one PDU into a caller-owned span (the writer loop's batch buffer): the header's length is patched when
/// the body is done, so nothing is measured twice and nothing is allocated.
/// </summary>
internal ref struct PduWriter
{
    private readonly Span<byte> _destination;
    private int _position;

    public PduWriter(Span<byte> destination)
    {
        _destination = destination;
        _position = 0;
    }

    public readonly int Written => _position;

    public void WriteHeader(CommandId command, uint status, uint sequence)
    {
        WriteUInt32(0); // patched by Finish
        WriteUInt32((uint)command);
        WriteUInt32(status);
        WriteUInt32(sequence);
    }

    /// <summary>Patches command_length and returns it.</summary>
    public readonly int Finish()
    {
        BinaryPrimitives.WriteUInt32BigEndian(_destination, (uint)_position);
        return _position;
    }

    public void WriteByte(byte value) => _destination[_position++] = value;

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_destination[_position..], value);
        _position += 2;
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_destination[_position..], value);
        _position += 4;
    }

    public void WriteOctets(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_destination[_position..]);
        _position += value.Length;
    }

    /// <summary>Writes ASCII text and a NUL. Callers validate length and ASCII before the PDU is queued.</summary>
    public void WriteCString(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            WriteAscii(value);
        }

        WriteByte(0);
    }

    public void WriteAscii(ReadOnlySpan<char> value)
    {
        var target = _destination.Slice(_position, value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            target[i] = (byte)value[i];
        }

        _position += value.Length;
    }

    public void WriteTlv(ushort tag, ReadOnlySpan<byte> value)
    {
        WriteUInt16(tag);
        WriteUInt16((ushort)value.Length);
        WriteOctets(value);
    }

    public void WriteTlvByte(ushort tag, byte value)
    {
        WriteUInt16(tag);
        WriteUInt16(1);
        WriteByte(value);
    }

    public void WriteTlvUInt16(ushort tag, ushort value)
    {
        WriteUInt16(tag);
        WriteUInt16(2);
        WriteUInt16(value);
    }

    /// <summary>A C-octet string TLV (receipted_message_id): the NUL counts in the length.</summary>
    public void WriteTlvCString(ushort tag, string value)
    {
        WriteUInt16(tag);
        WriteUInt16((ushort)(value.Length + 1));
        WriteCString(value);
    }
}
