namespace WarningHub.Channels.Sms.Smgp.Protocol;

/// <summary>RequestIDs of SMGP 3.0 that the adapter speaks; a response is the request with the top bit set.</summary>
internal enum SmgpCommand : uint
{
    Login = 0x0000_0001,
    LoginResp = 0x8000_0001,
    Submit = 0x0000_0002,
    SubmitResp = 0x8000_0002,
    Deliver = 0x0000_0003,
    DeliverResp = 0x8000_0003,
    ActiveTest = 0x0000_0004,
    ActiveTestResp = 0x8000_0004,
    Exit = 0x0000_0006,
    ExitResp = 0x8000_0006,
}

internal static class SmgpCommandExtensions
{
    public static bool IsResponse(this SmgpCommand command) => ((uint)command & 0x8000_0000) != 0;

    public static SmgpCommand ResponseOf(this SmgpCommand command) => (SmgpCommand)((uint)command | 0x8000_0000);
}
