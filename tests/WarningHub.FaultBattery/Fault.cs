namespace WarningHub.FaultBattery;

/// <summary>One fault of the battery (issue 9, item 7).</summary>
/// <param name="Name">Short name, printed and used to choose faults.</param>
/// <param name="Description">What is done to the hub, in one line.</param>
public sealed record Fault(string Name, string Description)
{
    /// <summary>The link dropped every 3 s, and every response held back 300 ms.</summary>
    public static Fault LinkDrops { get; } = new("link-drops", "link dropped every 3 s, responses 300 ms late");

    /// <summary>30 % of submit_sm answered ESME_RTHROTTLED.</summary>
    public static Fault Throttled { get; } = new("throttled", "30 % of submits throttled");

    /// <summary>5 % of receipts never sent; the hub asks with query_sm.</summary>
    public static Fault ReceiptsLost { get; } = new("receipts-lost", "5 % of receipts never sent, query_sm answered");

    /// <summary>5 % of receipts never sent and query_sm refused: those slots end Unconfirmed at the receipt window.</summary>
    public static Fault ReceiptsLostUnasked { get; } = new("receipts-lost-no-query", "5 % of receipts never sent, query_sm refused");

    /// <summary>The SMSC unreachable for 10 minutes of the hub's (fake) time in the middle of the fan-out.</summary>
    public static Fault SmscDown { get; } = new("smsc-down-10min", "SMSC down for 10 minutes of hub time mid fan-out");

    public static Fault KillAt10 { get; } = new("kill-9-at-10%", "serve killed (SIGKILL) at 10 % of phones, restarted");

    public static Fault KillAt50 { get; } = new("kill-9-at-50%", "serve killed (SIGKILL) at 50 % of phones, restarted");

    public static Fault KillAt90 { get; } = new("kill-9-at-90%", "serve killed (SIGKILL) at 90 % of phones, restarted");

    /// <summary>A clean stop (SIGTERM) mid fan-out: afterwards nothing may be flagged.</summary>
    public static Fault CleanStop { get; } = new("clean-stop-at-50%", "serve stopped (SIGTERM) at 50 % of phones, restarted");

    /// <summary>Two gateways routed by operator, nothing failing: nothing may be flagged (run by <see cref="GatewayFailover"/>).</summary>
    public static Fault Routed { get; } = new("routed", "two SMPP gateways, China Mobile numbers to one, the rest to the other");

    /// <summary>The primary gateway's SMSC killed mid fan-out; its numbers continue through the backup (run by <see cref="GatewayFailover"/>).</summary>
    public static Fault GatewayDies { get; } = new("gateway-dies", "the China Mobile gateway's SMSC killed at a third of its numbers");

    /// <summary>The single-gateway battery; <see cref="Routed"/> and <see cref="GatewayDies"/> are run by <see cref="GatewayFailover"/>.</summary>
    public static IReadOnlyList<Fault> All { get; } =
        [LinkDrops, Throttled, ReceiptsLost, ReceiptsLostUnasked, SmscDown, KillAt10, KillAt50, KillAt90, CleanStop];

    /// <summary>For a kill or stop: the share of phones that must have a whole message first.</summary>
    public double? StopAt => Name switch
    {
        "kill-9-at-10%" => 0.10,
        "kill-9-at-50%" or "clean-stop-at-50%" => 0.50,
        "kill-9-at-90%" => 0.90,
        _ => null,
    };

    public bool IsKill => Name.StartsWith("kill-9", StringComparison.Ordinal);

    public bool IsCleanStop => this == CleanStop;

    public override string ToString() => Name;
}
