using System.Globalization;

namespace WarningHub.Channels.Sms.Cmpp.Gateway;

/// <summary>What a SUBMIT_RESP Result means for the send.</summary>
internal enum ResultClass
{
    Accepted,
    FlowControl,
    Temporary,
    Permanent,
}

/// <summary>The Result codes of CONNECT_RESP and SUBMIT_RESP, with words an operator can act on.</summary>
internal static class CmppResults
{
    public const uint FlowControl = 8;

    public static ResultClass ClassifySubmit(uint result) => result switch
    {
        0 => ResultClass.Accepted,
        FlowControl => ResultClass.FlowControl,

        // 3 (duplicate sequence) comes from a resend the ISMG already had in hand: another try gets a fresh sequence.
        3 => ResultClass.Temporary,
        >= 1 and <= 13 => ResultClass.Permanent,
        _ => ResultClass.Temporary, // "other errors": the specification gives no reason, so try again later
    };

    public static string SubmitName(uint result) => result switch
    {
        0 => "0 (accepted)",
        1 => "1 (message structure error)",
        2 => "2 (command word error)",
        3 => "3 (duplicate message sequence)",
        4 => "4 (message length error)",
        5 => "5 (fee code error)",
        6 => "6 (message too long)",
        7 => "7 (Service_Id error)",
        8 => "8 (flow control)",
        9 => "9 (this gateway does not serve the fee number)",
        10 => "10 (Src_Id error)",
        11 => "11 (Msg_src error)",
        12 => "12 (Fee_terminal_Id error)",
        13 => "13 (Dest_terminal_Id error)",
        _ => result.ToString(CultureInfo.InvariantCulture) + " (other error)",
    };

    /// <summary>Why CONNECT was refused, and which settings to check.</summary>
    public static string ConnectProblem(uint status, string gateway) => status switch
    {
        1 => $"The ISMG of CMPP gateway {gateway} refused CONNECT as malformed (Status 1): check Version of gateway {gateway}.",
        2 => $"The ISMG of CMPP gateway {gateway} does not know the SP id (Status 2, illegal source address): check SourceAddr and SharedSecret of gateway {gateway}.",
        3 => $"The ISMG of CMPP gateway {gateway} refused the login (Status 3, authentication failed): check SourceAddr and SharedSecret of gateway {gateway}, and that this host's clock is right.",
        4 => $"The ISMG of CMPP gateway {gateway} does not speak this CMPP version (Status 4, version too high): set Version of gateway {gateway} to 2.",
        _ => $"The ISMG of CMPP gateway {gateway} refused CONNECT with Status {status.ToString(CultureInfo.InvariantCulture)}: ask the operator, and check SourceAddr and SharedSecret of gateway {gateway}.",
    };

    /// <summary>Result code as the hub records it (<see cref="WarningHub.Abstractions.DeliveryResult.ErrorCode"/>).</summary>
    public static string Code(uint result) => "CMPP:" + result.ToString(CultureInfo.InvariantCulture);
}
