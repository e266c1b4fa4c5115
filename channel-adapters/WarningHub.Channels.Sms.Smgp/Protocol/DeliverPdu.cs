using WarningHub.Channels.Sms.Common.Protocol;

namespace WarningHub.Channels.Sms.Smgp.Protocol;

/// <summary>
/// SMGP 3.0 Deliver: MsgID (10), IsReport (1), MsgFormat (1), RecvTime (14, YYYYMMDDhhmmss), SrcTermID (21), DestTermID
/// (21), MsgLength (1), MsgContent, Reserve (8), TLVs. With IsReport 1 the content is a <see cref="StatusReport"/>;
/// otherwise it is a handset's message.
/// </summary>
internal sealed record DeliverPdu : ISmgpBody
{
    public SmgpCommand Command => SmgpCommand.Deliver;

    public SmgpMsgId MsgId { get; init; } = new(new string('0', 20));

    public byte IsReport { get; init; }

    public byte MsgFormat { get; init; }

    public string RecvTime { get; init; } = string.Empty;

    /// <summary>The handset (for a message) or the destination the report is about.</summary>
    public string SrcTermId { get; init; } = string.Empty;

    /// <summary>The number the handset sent to: our access number, maybe with an extension.</summary>
    public string DestTermId { get; init; } = string.Empty;

    public ReadOnlyMemory<byte> MsgContent { get; init; }

    public IReadOnlyList<Tlv> Tlvs { get; init; } = [];

    public bool HasUdh => Tlv.ByteOf(Tlvs, Tlv.TpUdhi) == 1;

    public int BodyLength => SmgpMsgId.Size + 1 + 1 + 14 + 21 + 21 + 1 + MsgContent.Length + 8 + Tlvs.Sum(t => t.Size);

    public void Write(ref FieldWriter writer)
    {
        writer.Octets(MsgId.ToOctets());
        writer.UInt8(IsReport);
        writer.UInt8(MsgFormat);
        writer.Text(RecvTime, 14, "RecvTime");
        writer.Text(SrcTermId, 21, "SrcTermID");
        writer.Text(DestTermId, 21, "DestTermID");
        writer.UInt8(checked((byte)MsgContent.Length));
        writer.Octets(MsgContent.Span);
        writer.Zeros(8);
        foreach (var tlv in Tlvs)
        {
            tlv.Write(ref writer);
        }
    }

    public static DeliverPdu Read(ReadOnlySpan<byte> body)
    {
        var r = new FieldReader(body);
        var pdu = new DeliverPdu
        {
            MsgId = SmgpMsgId.Read(r.Octets(SmgpMsgId.Size, "MsgID")),
            IsReport = r.UInt8("IsReport"),
            MsgFormat = r.UInt8("MsgFormat"),
            RecvTime = r.Text(14, "RecvTime"),
            SrcTermId = r.Text(21, "SrcTermID"),
            DestTermId = r.Text(21, "DestTermID"),
        };
        var content = r.Octets(r.UInt8("MsgLength"), "MsgContent").ToArray();
        r.Octets(8, "Reserve");
        return pdu with { MsgContent = content, Tlvs = Tlv.ReadAll(ref r) };
    }
}
