using System.Globalization;

namespace WarningHub.Channels.Sms.Smgp.Gateway;

/// <summary>What a Submit_Resp Status means for the send.</summary>
internal enum ResultClass
{
    Accepted,
    FlowControl,
    Temporary,
    Permanent,
}

/// <summary>The Status codes of SMGP 3.0 (Login_Resp, Submit_Resp), with words an operator can act on.</summary>
internal static class SmgpResults
{
    /// <summary>System busy: the gateway asks us to slow down.</summary>
    public const uint SystemBusy = 1;

    public static ResultClass ClassifySubmit(uint status) => status switch
    {
        0 => ResultClass.Accepted,
        SystemBusy => ResultClass.FlowControl,

        // 2 (too many connections) and 12 (duplicate sequence) pass; 10-11 and 30-49 say the Submit itself is wrong.
        10 or 11 or (>= 30 and <= 49) => ResultClass.Permanent,
        _ => ResultClass.Temporary,
    };

    public static string Name(uint status) => status switch
    {
        0 => "0 (success)",
        1 => "1 (system busy)",
        2 => "2 (too many connections)",
        10 => "10 (message structure error)",
        11 => "11 (command word error)",
        12 => "12 (duplicate sequence number)",
        20 => "20 (client address error)",
        21 => "21 (authentication failed)",
        22 => "22 (version too high)",
        30 => "30 (invalid MsgType)",
        31 => "31 (invalid Priority)",
        32 => "32 (invalid FeeType)",
        33 => "33 (invalid FeeCode)",
        34 => "34 (invalid MsgFormat)",
        35 => "35 (invalid time format)",
        36 => "36 (invalid MsgLength)",
        37 => "37 (validity expired)",
        39 => "39 (routing error)",
        43 => "43 (invalid ServiceID)",
        46 => "46 (invalid SrcTermID)",
        47 => "47 (invalid DestTermID)",
        48 => "48 (invalid ChargeTermID)",
        _ => status.ToString(CultureInfo.InvariantCulture) + " (other error)",
    };

    /// <summary>Why Login was refused, and which settings to check.</summary>
    public static string LoginProblem(uint status, string gateway) => status switch
    {
        20 => $"The SMGW of SMGP gateway {gateway} does not accept this host's address (Status 20): ask the operator to allow it.",
        21 => $"The SMGW of SMGP gateway {gateway} refused the login (Status 21, authentication failed): check ClientId and SharedSecret of gateway {gateway}, and that this host's clock is right.",
        22 => $"The SMGW of SMGP gateway {gateway} does not speak SMGP 3.0 (Status 22, version too high).",
        2 => $"The SMGW of SMGP gateway {gateway} refused the login (Status 2, too many connections): lower Binds of gateway {gateway}.",
        _ => $"The SMGW of SMGP gateway {gateway} refused Login with Status {Name(status)}: ask the operator, and check ClientId and SharedSecret of gateway {gateway}.",
    };

    /// <summary>Status code as the hub records it (<see cref="WarningHub.Abstractions.DeliveryResult.ErrorCode"/>).</summary>
    public static string Code(uint status) => "SMGP:" + status.ToString(CultureInfo.InvariantCulture);
}
