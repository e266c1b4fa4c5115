using System.Buffers.Binary;

namespace WarningHub.Channels.Sms.Cmpp.Protocol;

/// <summary>
/// Writes big-endian integers and fixed-width Octet Strings. An Octet String shorter than its field is left-aligned
/// and padded with binary zeros on the right, as the specification's data types say; a longer one is an error, never
/// cut silently.
/// </summary>
internal ref struct CmppWriter(Span<byte> destination)
{
    private readonly Span<byte> _destination = destination;

    public int Position { get; private set; }

    public void UInt8(byte value) => _destination[Position++] = value;

    public void UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_destination[Position..], value);
        Position += 4;
    }

    public void UInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(_destination[Position..], value);
        Position += 8;
    }

    /// <summary>Status or Result: one octet in CMPP 2.0, four in 3.0.</summary>
    public void Result(uint value, CmppVersion version)
    {
        if (version.Is30)
        {
            UInt32(value);
        }
        else
        {
            UInt8(checked((byte)value));
        }
    }

    public void Octets(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_destination[Position..]);
        Position += value.Length;
    }

    public void Zeros(int count)
    {
        _destination.Slice(Position, count).Clear();
        Position += count;
    }

    /// <summary>An ASCII text left-aligned in <paramref name="width"/> octets, zero-padded.</summary>
    public void Text(string? value, int width, string field)
    {
        value ??= string.Empty;
        if (value.Length > width)
        {
            throw new CmppPduException($"{field} is {value.Length} characters; the field holds {width}.");
        }

        var slot = _destination.Slice(Position, width);
        slot.Clear();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] > 0x7E || value[i] < 0x20)
            {
                throw new CmppPduException($"{field} must be printable ASCII.");
            }

            slot[i] = (byte)value[i];
        }

        Position += width;
    }
}
