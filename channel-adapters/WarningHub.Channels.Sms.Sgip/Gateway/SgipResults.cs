using System.Globalization;

namespace WarningHub.Channels.Sms.Sgip.Gateway;

/// <summary>What a Submit_Resp Result means for the send.</summary>
internal enum ResultClass
{
    Accepted,
    FlowControl,
    Temporary,
    Permanent,
}

/// <summary>The Result codes of SGIP 1.2 (Bind_Resp, Submit_Resp, Report's ErrorCode), with words an operator can act on.</summary>
internal static class SgipResults
{
    /// <summary>Node busy: the SMG's queue is full; slow down and try again.</summary>
    public const byte NodeBusy = 11;

    /// <summary>The SMSC's queue is full.</summary>
    public const byte SmscQueueFull = 33;

    public static ResultClass ClassifySubmit(byte result) => result switch
    {
        0 => ResultClass.Accepted,
        NodeBusy or SmscQueueFull => ResultClass.FlowControl,

        // Malformed, a number that is not a subscriber's, or a function not offered: sending again changes nothing.
        5 or 6 or 7 or 8 or 10 or 24 or 27 or 29 or 30 or 31 => ResultClass.Permanent,
        _ => ResultClass.Temporary,
    };

    public static string Name(byte result) => result switch
    {
        0 => "0 (success)",
        1 => "1 (illegal login)",
        2 => "2 (repeated login)",
        3 => "3 (too many connections)",
        4 => "4 (wrong login type)",
        5 => "5 (parameter format error)",
        6 => "6 (illegal mobile number)",
        7 => "7 (message id error)",
        8 => "8 (message length error)",
        9 => "9 (illegal sequence number)",
        10 => "10 (illegal GNS operation)",
        11 => "11 (node busy)",
        21 => "21 (destination unreachable)",
        22 => "22 (routing table error)",
        23 => "23 (no route)",
        24 => "24 (charged number invalid)",
        25 => "25 (subscriber cannot communicate)",
        26 => "26 (handset memory full)",
        27 => "27 (handset does not take short messages)",
        28 => "28 (handset failed to receive)",
        29 => "29 (unknown subscriber)",
        30 => "30 (function not offered)",
        31 => "31 (illegal device)",
        32 => "32 (system failure)",
        33 => "33 (SMSC queue full)",
        _ => result.ToString(CultureInfo.InvariantCulture) + " (other error)",
    };

    /// <summary>Why Bind was refused, and which settings to check.</summary>
    public static string BindProblem(byte result, string gateway) => result switch
    {
        1 => $"The SMG of SGIP gateway {gateway} refused the login (Result 1, illegal login): check LoginName and LoginPassword of gateway {gateway}.",
        2 or 3 => $"The SMG of SGIP gateway {gateway} refused the Bind (Result {result}, {(result == 2 ? "repeated login" : "too many connections")}): lower Binds of gateway {gateway}, or ask the operator how many connections the account may open.",
        4 => $"The SMG of SGIP gateway {gateway} refused the Bind (Result 4, wrong login type): ask the operator whether this account may submit (login type 1).",
        _ => $"The SMG of SGIP gateway {gateway} refused the Bind with Result {Name(result)}: ask the operator, and check LoginName and LoginPassword of gateway {gateway}.",
    };

    /// <summary>Result code as the hub records it (<see cref="WarningHub.Abstractions.DeliveryResult.ErrorCode"/>).</summary>
    public static string Code(byte result) => "SGIP:" + result.ToString(CultureInfo.InvariantCulture);
}
