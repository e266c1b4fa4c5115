using System.Buffers.Binary;

namespace WarningHub.Channels.Sms.Smpp.Protocol;

/// <summary>Optional-parameter tags this adapter reads or writes (SMPP 3.4 section 5.3.2).</summary>
internal static class TlvTag
{
    public const ushort ReceiptedMessageId = 0x001E;
    public const ushort SarMessageReference = 0x020C;
    public const ushort SarTotalSegments = 0x020E;
    public const ushort SarSegmentSequence = 0x020F;
    public const ushort ScInterfaceVersion = 0x0210;
    public const ushort MessagePayload = 0x0424;
    public const ushort MessageState = 0x0427;
}

/// <summary>An optional parameter kept as raw octets, so tags we do not know survive a decode.</summary>
internal readonly record struct Tlv(ushort Tag, ReadOnlyMemory<byte> Value)
{
    public int EncodedLength => 4 + Value.Length;

    public static Tlv Byte(ushort tag, byte value) => new(tag, new[] { value });

    public static Tlv UInt16(ushort tag, ushort value)
    {
        var octets = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(octets, value);
        return new Tlv(tag, octets);
    }

    public static Tlv Octets(ushort tag, ReadOnlyMemory<byte> value) => new(tag, value);

    public static Tlv CString(ushort tag, string value)
    {
        var octets = new byte[value.Length + 1];
        for (var i = 0; i < value.Length; i++)
        {
            octets[i] = (byte)value[i];
        }

        return new Tlv(tag, octets);
    }
}

/// <summary>Walks the TLV section of a body without copying; a truncated TLV is a malformed PDU.</summary>
internal ref struct TlvReader
{
    private ReadOnlySpan<byte> _rest;

    public TlvReader(ReadOnlySpan<byte> tlvSection)
    {
        _rest = tlvSection;
        Tag = 0;
        Value = default;
    }

    public ushort Tag { get; private set; }

    public ReadOnlySpan<byte> Value { get; private set; }

    public bool MoveNext()
    {
        if (_rest.IsEmpty)
        {
            return false;
        }

        if (_rest.Length < 4)
        {
            throw new SmppPduException($"A TLV needs 4 header octets, {_rest.Length} remain.", CommandStatus.InvalidOptionalParameterStream);
        }

        var tag = BinaryPrimitives.ReadUInt16BigEndian(_rest);
        var length = BinaryPrimitives.ReadUInt16BigEndian(_rest[2..]);
        if (_rest.Length - 4 < length)
        {
            throw new SmppPduException(
                $"TLV 0x{tag:X4} claims {length} octets, {_rest.Length - 4} remain.",
                CommandStatus.InvalidOptionalParameterStream);
        }

        Tag = tag;
        Value = _rest.Slice(4, length);
        _rest = _rest[(4 + length)..];
        return true;
    }

    /// <summary>Reads a C-octet string TLV value; tolerates a missing NUL, which some SMSCs omit.</summary>
    public static string CStringValue(ReadOnlySpan<byte> value)
    {
        var nul = value.IndexOf((byte)0);
        return PduReader.Ascii(nul < 0 ? value : value[..nul]);
    }

    public static int IntegerValue(ReadOnlySpan<byte> value) => value.Length switch
    {
        1 => value[0],
        2 => BinaryPrimitives.ReadUInt16BigEndian(value),
        _ => throw new SmppPduException($"An integer TLV of {value.Length} octets is not expected here.", CommandStatus.InvalidOptionalParameterStream),
    };
}
