using System.Buffers.Binary;
using System.Text;

namespace WarningHub.Channels.Sms.Cmpp.Protocol;

/// <summary>Reads a PDU body field by field; running past the end is a <see cref="CmppPduException"/> naming the field.</summary>
internal ref struct CmppReader(ReadOnlySpan<byte> body)
{
    private readonly ReadOnlySpan<byte> _body = body;

    public int Position { get; private set; }

    public readonly int Remaining => _body.Length - Position;

    public byte UInt8(string field) => Take(1, field)[0];

    public uint UInt32(string field) => BinaryPrimitives.ReadUInt32BigEndian(Take(4, field));

    public ulong UInt64(string field) => BinaryPrimitives.ReadUInt64BigEndian(Take(8, field));

    public uint Result(CmppVersion version, string field) => version.Is30 ? UInt32(field) : UInt8(field);

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
        if (Remaining < count)
        {
            throw new CmppPduException($"The PDU ends inside {field} (needs {count} octets, {Remaining} left).");
        }

        var slice = _body.Slice(Position, count);
        Position += count;
        return slice;
    }
}
