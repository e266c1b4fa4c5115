using System.Buffers.Binary;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Common.Protocol;

/// <summary>
/// Writes big-endian integers and fixed-width octet strings. A text shorter than its field is left-aligned and padded
/// with binary zeros on the right, as the operators' specifications say; a longer one is an error, never cut silently.
/// </summary>
internal ref struct FieldWriter(Span<byte> destination)
{
    private readonly Span<byte> _destination = destination;

    public int Position { get; private set; }

    public void UInt8(byte value) => _destination[Position++] = value;

    public void UInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_destination[Position..], value);
        Position += 2;
    }

    public void UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_destination[Position..], value);
        Position += 4;
    }

    public void Octets(scoped ReadOnlySpan<byte> value)
    {
        value.CopyTo(_destination[Position..]);
        Position += value.Length;
    }

    public void Zeros(int count)
    {
        _destination.Slice(Position, count).Clear();
        Position += count;
    }

    /// <summary>A printable ASCII text left-aligned in <paramref name="width"/> octets, zero-padded.</summary>
    public void Text(string? value, int width, string field)
    {
        value ??= string.Empty;
        if (value.Length > width)
        {
            throw new PduFormatException($"{field} is {value.Length} characters; the field holds {width}.");
        }

        var slot = _destination.Slice(Position, width);
        slot.Clear();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] > 0x7E || value[i] < 0x20)
            {
                throw new PduFormatException($"{field} must be printable ASCII.");
            }

            slot[i] = (byte)value[i];
        }

        Position += width;
    }
}
