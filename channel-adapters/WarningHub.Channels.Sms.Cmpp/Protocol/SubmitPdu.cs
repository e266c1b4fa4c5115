using WarningHub.Channels.Sms.Common.Text;

namespace WarningHub.Channels.Sms.Cmpp.Protocol;

/// <summary>
/// CMPP_SUBMIT, field by field in the order of the specification's table. Fields that exist only in 3.0
/// (Fee_terminal_type, Dest_terminal_type, LinkID) are skipped in 2.0, and terminal ids are 21 or 32 octets wide.
/// </summary>
internal sealed record SubmitPdu : ICmppBody
{
    public CmppCommand Command => CmppCommand.Submit;

    public ulong MsgId { get; init; }

    public byte PkTotal { get; init; } = 1;

    public byte PkNumber { get; init; } = 1;

    public byte RegisteredDelivery { get; init; }

    public byte MsgLevel { get; init; }

    public string ServiceId { get; init; } = string.Empty;

    /// <summary>0: charge the destination, 1: the source, 2: the SP, 3: Fee_terminal_Id.</summary>
    public byte FeeUserType { get; init; } = 2;

    public string FeeTerminalId { get; init; } = string.Empty;

    public byte FeeTerminalType { get; init; }

    public byte TpPid { get; init; }

    public byte TpUdhi { get; init; }

    /// <summary>0 ASCII, 8 UCS2, 15 GBK.</summary>
    public byte MsgFmt { get; init; } = MessageFormat.Ucs2;

    /// <summary>The SP's id (Source_Addr of CONNECT).</summary>
    public string MsgSrc { get; init; } = string.Empty;

    /// <summary>01: free of charge.</summary>
    public string FeeType { get; init; } = "01";

    public string FeeCode { get; init; } = "000000";

    public string ValidTime { get; init; } = string.Empty;

    public string AtTime { get; init; } = string.Empty;

    /// <summary>The access number (and extension) the handset shows as sender.</summary>
    public string SrcId { get; init; } = string.Empty;

    public IReadOnlyList<string> DestTerminalIds { get; init; } = [];

    public byte DestTerminalType { get; init; }

    public ReadOnlyMemory<byte> MsgContent { get; init; }

    public string LinkId { get; init; } = string.Empty;

    public int BodyLength(CmppVersion version)
    {
        var id = version.TerminalIdLength;
        var extra = version.Is30 ? 2 : 0; // Fee_terminal_type, Dest_terminal_type
        return 8 + 1 + 1 + 1 + 1 + 10 + 1 + id + 1 + 1 + 1 + 6 + 2 + 6 + 17 + 17 + 21 + 1
            + (id * DestTerminalIds.Count) + 1 + MsgContent.Length + version.TrailerLength + extra;
    }

    public void Write(ref CmppWriter writer, CmppVersion version)
    {
        if (DestTerminalIds.Count is < 1 or > 100)
        {
            throw new CmppPduException($"DestUsr_tl must be 1..100, not {DestTerminalIds.Count}.");
        }

        if (MsgContent.Length > 140)
        {
            throw new CmppPduException($"Msg_Content is {MsgContent.Length} octets; at most 140 fit.");
        }

        writer.UInt64(MsgId);
        writer.UInt8(PkTotal);
        writer.UInt8(PkNumber);
        writer.UInt8(RegisteredDelivery);
        writer.UInt8(MsgLevel);
        writer.Text(ServiceId, 10, "Service_Id");
        writer.UInt8(FeeUserType);
        writer.Text(FeeTerminalId, version.TerminalIdLength, "Fee_terminal_Id");
        if (version.Is30)
        {
            writer.UInt8(FeeTerminalType);
        }

        writer.UInt8(TpPid);
        writer.UInt8(TpUdhi);
        writer.UInt8(MsgFmt);
        writer.Text(MsgSrc, 6, "Msg_src");
        writer.Text(FeeType, 2, "FeeType");
        writer.Text(FeeCode, 6, "FeeCode");
        writer.Text(ValidTime, 17, "ValId_Time");
        writer.Text(AtTime, 17, "At_Time");
        writer.Text(SrcId, 21, "Src_Id");
        writer.UInt8((byte)DestTerminalIds.Count);
        foreach (var destination in DestTerminalIds)
        {
            writer.Text(destination, version.TerminalIdLength, "Dest_terminal_Id");
        }

        if (version.Is30)
        {
            writer.UInt8(DestTerminalType);
        }

        writer.UInt8((byte)MsgContent.Length);
        writer.Octets(MsgContent.Span);
        if (version.Is30)
        {
            writer.Text(LinkId, 20, "LinkID");
        }
        else
        {
            writer.Zeros(8); // Reserve
        }
    }

    public static SubmitPdu Read(ReadOnlySpan<byte> body, CmppVersion version)
    {
        var r = new CmppReader(body);
        var id = version.TerminalIdLength;
        var pdu = new SubmitPdu
        {
            MsgId = r.UInt64("Msg_Id"),
            PkTotal = r.UInt8("Pk_total"),
            PkNumber = r.UInt8("Pk_number"),
            RegisteredDelivery = r.UInt8("Registered_Delivery"),
            MsgLevel = r.UInt8("Msg_level"),
            ServiceId = r.Text(10, "Service_Id"),
            FeeUserType = r.UInt8("Fee_UserType"),
            FeeTerminalId = r.Text(id, "Fee_terminal_Id"),
            FeeTerminalType = version.Is30 ? r.UInt8("Fee_terminal_type") : (byte)0,
            TpPid = r.UInt8("TP_pId"),
            TpUdhi = r.UInt8("TP_udhi"),
            MsgFmt = r.UInt8("Msg_Fmt"),
            MsgSrc = r.Text(6, "Msg_src"),
            FeeType = r.Text(2, "FeeType"),
            FeeCode = r.Text(6, "FeeCode"),
            ValidTime = r.Text(17, "ValId_Time"),
            AtTime = r.Text(17, "At_Time"),
            SrcId = r.Text(21, "Src_Id"),
        };
        var count = r.UInt8("DestUsr_tl");
        var destinations = new string[count];
        for (var i = 0; i < count; i++)
        {
            destinations[i] = r.Text(id, "Dest_terminal_Id");
        }

        var destType = version.Is30 ? r.UInt8("Dest_terminal_type") : (byte)0;
        var content = r.Octets(r.UInt8("Msg_Length"), "Msg_Content").ToArray();
        var linkId = version.Is30 ? r.Text(20, "LinkID") : string.Empty;
        if (!version.Is30)
        {
            r.Octets(8, "Reserve");
        }

        return pdu with { DestTerminalIds = destinations, DestTerminalType = destType, MsgContent = content, LinkId = linkId };
    }
}
