namespace WarningHub.Channels.Sms.Cmpp.Protocol;

/// <summary>
/// CMPP_DELIVER: a message from a handset (Registered_Delivery 0) or a status report (1, Msg_Content is a
/// <see cref="StatusReportContent"/>). 3.0 adds Src_terminal_type and replaces Reserved (8) with LinkID (20).
/// </summary>
internal sealed record DeliverPdu : ICmppBody
{
    public CmppCommand Command => CmppCommand.Deliver;

    public ulong MsgId { get; init; }

    /// <summary>The number the handset sent to: our access number, possibly with an extension.</summary>
    public string DestId { get; init; } = string.Empty;

    public string ServiceId { get; init; } = string.Empty;

    public byte TpPid { get; init; }

    public byte TpUdhi { get; init; }

    public byte MsgFmt { get; init; }

    public string SrcTerminalId { get; init; } = string.Empty;

    public byte SrcTerminalType { get; init; }

    public byte RegisteredDelivery { get; init; }

    public ReadOnlyMemory<byte> MsgContent { get; init; }

    public string LinkId { get; init; } = string.Empty;

    public bool IsStatusReport => RegisteredDelivery == 1;

    public int BodyLength(CmppVersion version) =>
        8 + 21 + 10 + 1 + 1 + 1 + version.TerminalIdLength + (version.Is30 ? 1 : 0) + 1 + 1 + MsgContent.Length + version.TrailerLength;

    public void Write(ref CmppWriter writer, CmppVersion version)
    {
        writer.UInt64(MsgId);
        writer.Text(DestId, 21, "Dest_Id");
        writer.Text(ServiceId, 10, "Service_Id");
        writer.UInt8(TpPid);
        writer.UInt8(TpUdhi);
        writer.UInt8(MsgFmt);
        writer.Text(SrcTerminalId, version.TerminalIdLength, "Src_terminal_Id");
        if (version.Is30)
        {
            writer.UInt8(SrcTerminalType);
        }

        writer.UInt8(RegisteredDelivery);
        writer.UInt8(checked((byte)MsgContent.Length));
        writer.Octets(MsgContent.Span);
        if (version.Is30)
        {
            writer.Text(LinkId, 20, "LinkID");
        }
        else
        {
            writer.Zeros(8);
        }
    }

    public static DeliverPdu Read(ReadOnlySpan<byte> body, CmppVersion version)
    {
        var r = new CmppReader(body);
        var pdu = new DeliverPdu
        {
            MsgId = r.UInt64("Msg_Id"),
            DestId = r.Text(21, "Dest_Id"),
            ServiceId = r.Text(10, "Service_Id"),
            TpPid = r.UInt8("TP_pid"),
            TpUdhi = r.UInt8("TP_udhi"),
            MsgFmt = r.UInt8("Msg_Fmt"),
            SrcTerminalId = r.Text(version.TerminalIdLength, "Src_terminal_Id"),
            SrcTerminalType = version.Is30 ? r.UInt8("Src_terminal_type") : (byte)0,
            RegisteredDelivery = r.UInt8("Registered_Delivery"),
        };
        var content = r.Octets(r.UInt8("Msg_Length"), "Msg_Content").ToArray();
        var linkId = version.Is30 ? r.Text(20, "LinkID") : string.Empty;
        if (!version.Is30)
        {
            r.Octets(8, "Reserved");
        }

        return pdu with { MsgContent = content, LinkId = linkId };
    }
}
