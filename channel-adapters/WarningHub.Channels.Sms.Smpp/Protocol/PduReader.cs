using System.Buffers.Binary;
using System.Text;

namespace WarningHub.Channels.Sms.Smpp.Protocol;

/// <summary>Reads PDU body fields in order, straight from the receive buffer; nothing is copied until asked.</summary>
internal ref struct PduReader
{
    private readonly ReadOnlySpan<byte> _body;
    private int _position;

    public PduReader(ReadOnlySpan<byte> body)
    {
        _body = body;
        _position = 0;
    }

    public readonly int Remaining => _body.Length - _position;

    public readonly ReadOnlySpan<byte> Rest => _body[_position..];

    public byte ReadByte(string field)
    {
        Require(1, field);
        return _body[_position++];
    }

    public ushort ReadUInt16(string field)
    {
        Require(2, field);
        var value = BinaryPrimitives.ReadUInt16BigEndian(_body[_position..]);
        _position += 2;
        return value;
    }

    public ReadOnlySpan<byte> ReadOctets(int count, string field)
    {
        Require(count, field);
        var value = _body.Slice(_position, count);
        _position += count;
        return value;
    }

    /// <summary>Reads a C-octet string of at most <paramref name="maxLength"/> octets including its NUL.</summary>
    public ReadOnlySpan<byte> ReadCString(int maxLength, string field)
    {
        var window = _body[_position..];
        if (window.Length > maxLength)
        {
            window = window[..maxLength];
        }

        var nul = window.IndexOf((byte)0);
        if (nul < 0)
        {
            throw new SmppPduException(
                window.Length < maxLength
                    ? $"{field}: the PDU ends before the C-octet string's NUL terminator."
                    : $"{field}: no NUL terminator within {maxLength} octets.");
        }

        var value = window[..nul];
        _position += nul + 1;
        return value;
    }

    public string ReadCStringAsString(int maxLength, string field) => Ascii(ReadCString(maxLength, field));

    public static string Ascii(ReadOnlySpan<byte> octets) => octets.IsEmpty ? string.Empty : Encoding.ASCII.GetString(octets);

    private readonly void Require(int count, string field)
    {
        if (count < 0 || _position + count > _body.Length)
        {
            throw new SmppPduException($"{field}: needs {count} octet(s) but only {_body.Length - _position} remain in the PDU.");
        }
    }
}
