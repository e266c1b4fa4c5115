namespace WarningHub.Channels.Sms.Sgip.Protocol;

/// <summary>Command IDs of SGIP 1.2 that the adapter speaks; a response is the request with the top bit set.</summary>
internal enum SgipCommand : uint
{
    Bind = 0x0000_0001,
    BindResp = 0x8000_0001,
    Unbind = 0x0000_0002,
    UnbindResp = 0x8000_0002,
    Submit = 0x0000_0003,
    SubmitResp = 0x8000_0003,
    Deliver = 0x0000_0004,
    DeliverResp = 0x8000_0004,
    Report = 0x0000_0005,
    ReportResp = 0x8000_0005,
}

internal static class SgipCommandExtensions
{
    public static bool IsResponse(this SgipCommand command) => ((uint)command & 0x8000_0000) != 0;

    public static SgipCommand ResponseOf(this SgipCommand command) => (SgipCommand)((uint)command | 0x8000_0000);
}
