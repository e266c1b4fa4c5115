namespace WarningHub.Channels.Sms.Cmpp.Protocol;

/// <summary>
/// CMPP_SUBMIT_RESP and CMPP_DELIVER_RESP share one layout: Msg_Id (8) and Result (1 octet in 2.0, 4 in 3.0).
/// </summary>
internal sealed record MsgIdResultPdu(CmppCommand Command, ulong MsgId, uint Result) : ICmppBody
{
    public int BodyLength(CmppVersion version) => 8 + version.ResultLength;

    public void Write(ref CmppWriter writer, CmppVersion version)
    {
        writer.UInt64(MsgId);
        writer.Result(Result, version);
    }

    /// <summary>Reads either width: the body's length says which version the peer used.</summary>
    public static MsgIdResultPdu Read(CmppCommand command, ReadOnlySpan<byte> body, CmppVersion version)
    {
        version = body.Length == 9 ? CmppVersion.V20 : body.Length == 12 ? CmppVersion.V30 : version;
        var reader = new CmppReader(body);
        return new MsgIdResultPdu(command, reader.UInt64("Msg_Id"), reader.Result(version, "Result"));
    }
}
