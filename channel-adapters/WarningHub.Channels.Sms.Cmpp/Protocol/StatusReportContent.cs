namespace WarningHub.Channels.Sms.Cmpp.Protocol;

/// <summary>
/// The Msg_Content of a status report: Msg_Id (8), Stat (7, e.g. DELIVRD, UNDELIV, EXPIRED), Submit_time (10,
/// YYMMDDHHMM), Done_time (10), Dest_terminal_Id (21 in 2.0, 32 in 3.0), SMSC_sequence (4). 60 or 71 octets.
/// </summary>
internal sealed record StatusReportContent(ulong MsgId, string Stat, string SubmitTime, string DoneTime, string DestTerminalId, uint SmscSequence)
{
    public static int Length(CmppVersion version) => 8 + 7 + 10 + 10 + version.TerminalIdLength + 4;

    public byte[] ToArray(CmppVersion version)
    {
        var content = new byte[Length(version)];
        var writer = new CmppWriter(content);
        writer.UInt64(MsgId);
        writer.Text(Stat, 7, "Stat");
        writer.Text(SubmitTime, 10, "Submit_time");
        writer.Text(DoneTime, 10, "Done_time");
        writer.Text(DestTerminalId, version.TerminalIdLength, "Dest_terminal_Id");
        writer.UInt32(SmscSequence);
        return content;
    }

    /// <summary>Reads a report; its length tells the version, since some gateways send 2.0 reports on 3.0 links.</summary>
    public static StatusReportContent Read(ReadOnlySpan<byte> content, CmppVersion version)
    {
        version = content.Length == Length(CmppVersion.V20) ? CmppVersion.V20 : content.Length == Length(CmppVersion.V30) ? CmppVersion.V30 : version;
        var r = new CmppReader(content);
        return new StatusReportContent(
            r.UInt64("Msg_Id"),
            r.Text(7, "Stat"),
            r.Text(10, "Submit_time"),
            r.Text(10, "Done_time"),
            r.Text(version.TerminalIdLength, "Dest_terminal_Id"),
            r.UInt32("SMSC_sequence"));
    }
}
