using WarningHub.Channels.Sms.Common.Protocol;

namespace WarningHub.Channels.Sms.Smgp.Protocol;

/// <summary>An SMGP 3.0 optional parameter after Reserve: Tag (2), Length (2), Value.</summary>
internal readonly record struct Tlv(ushort Tag, byte[] Value)
{
    public const ushort TpPid = 0x0001;
    public const ushort TpUdhi = 0x0002;
    public const ushort LinkId = 0x0003;
    public const ushort PkTotal = 0x0009;
    public const ushort PkNumber = 0x000A;
    public const ushort MsgSrc = 0x0010;

    public int Size => 4 + Value.Length;

    public static Tlv Byte(ushort tag, byte value) => new(tag, [value]);

    public void Write(ref FieldWriter writer)
    {
        writer.UInt16(Tag);
        writer.UInt16((ushort)Value.Length);
        writer.Octets(Value);
    }

    /// <summary>Every TLV up to the end of the body; one that runs past it is a format error naming its tag.</summary>
    public static List<Tlv> ReadAll(ref FieldReader reader)
    {
        var tlvs = new List<Tlv>();
        while (reader.Remaining > 0)
        {
            var tag = reader.UInt16("TLV Tag");
            var length = reader.UInt16("TLV Length");
            tlvs.Add(new Tlv(tag, reader.Octets(length, $"TLV 0x{tag:X4}").ToArray()));
        }

        return tlvs;
    }

    public static byte ByteOf(IEnumerable<Tlv> tlvs, ushort tag) => tlvs.FirstOrDefault(t => t.Tag == tag && t.Value.Length == 1).Value?[0] ?? 0;
}
