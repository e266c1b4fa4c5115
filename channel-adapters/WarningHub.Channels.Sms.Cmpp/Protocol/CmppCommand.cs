namespace WarningHub.Channels.Sms.Cmpp.Protocol;

/// <summary>Command_Id values of CMPP 2.0 and 3.0 (the same in both); a response is its request with the top bit set.</summary>
internal enum CmppCommand : uint
{
    Connect = 0x0000_0001,
    ConnectResp = 0x8000_0001,
    Terminate = 0x0000_0002,
    TerminateResp = 0x8000_0002,
    Submit = 0x0000_0004,
    SubmitResp = 0x8000_0004,
    Deliver = 0x0000_0005,
    DeliverResp = 0x8000_0005,
    ActiveTest = 0x0000_0008,
    ActiveTestResp = 0x8000_0008,
}

internal static class CmppCommandExtensions
{
    private const uint ResponseBit = 0x8000_0000;

    public static bool IsResponse(this CmppCommand command) => ((uint)command & ResponseBit) != 0;

    public static CmppCommand ResponseOf(this CmppCommand request) => (CmppCommand)((uint)request | ResponseBit);
}
