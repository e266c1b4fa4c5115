using System.Buffers.Binary;
using System.Text;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Common.Protocol;

/// <summary>Reads a PDU body field by field, big-endian; running past the end is a <see cref="PduFormatException"/> naming the field.</summary>
internal ref struct FieldReader(ReadOnlySpan<byte> body)
{
    private readonly ReadOnlySpan<byte> _body = body;

    public int Position { get; private set; }

    public readonly int Remaining => _body.Length - Position;

    public byte UInt8(string field) => Take(1, field)[0];

    public ushort UInt16(string field) => BinaryPrimitives.ReadUInt16BigEndian(Take(2, field));

    public uint UInt32(string field) => BinaryPrimitives.ReadUInt32BigEndian(Take(4, field));

    public ReadOnlySpan<byte> Octets(int count, string field) => Take(count, field);

    /// <summary>A fixed-width text with its zero (or space) padding removed.</summary>
    public string Text(int width, string field)
    {
        var raw = Take(width, field);
        var end = raw.IndexOf((byte)0);
        if (end >= 0)
        {
            raw = raw[..end];
        }

        return Encoding.ASCII.GetString(raw).TrimEnd(' ');
    }

    private ReadOnlySpan<byte> Take(int count, string field)
    {
        if (count < 0 || Remaining < count)
        {
            throw new PduFormatException($"The PDU ends inside {field} (needs {count} octets, {Remaining} left).");
        }

        var slice = _body.Slice(Position, count);
        Position += count;
        return slice;
    }
}
