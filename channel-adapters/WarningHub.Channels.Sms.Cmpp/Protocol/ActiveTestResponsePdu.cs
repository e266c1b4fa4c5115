namespace WarningHub.Channels.Sms.Cmpp.Protocol;

/// <summary>CMPP_ACTIVE_TEST_RESP: one Reserved octet.</summary>
internal sealed record ActiveTestResponsePdu : ICmppBody
{
    public static ActiveTestResponsePdu Instance { get; } = new();

    public CmppCommand Command => CmppCommand.ActiveTestResp;

    public int BodyLength(CmppVersion version) => 1;

    public void Write(ref CmppWriter writer, CmppVersion version) => writer.UInt8(0);
}
