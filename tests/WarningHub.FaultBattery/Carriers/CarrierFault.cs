namespace WarningHub.FaultBattery.Carriers;

/// <summary>One fault of the battery for the operators' gateways (issue 12, item 7): the SMPP battery's faults where they apply.</summary>
/// <param name="Name">Short name, printed and used to choose faults.</param>
/// <param name="Description">What is done, in one line.</param>
/// <param name="LosesLinks">Links or the process die with submits in flight: the hub may flag a slot "possibly duplicated".</param>
public sealed record CarrierFault(string Name, string Description, bool LosesLinks)
{
    /// <summary>
    /// Every link cut every 3 s, and every answer of the gateway held back 100 ms, so the cuts find submits in flight.
    /// These adapters send the parts of a long message one after another, each waiting for its answer: with the SMPP
    /// battery's 300 ms and a cut every 2 s most attempts of a three-part message were cut, and some phones ran out of
    /// the engine's attempts with only fragments (Unconfirmed, flagged).
    /// </summary>
    public static CarrierFault LinkDrops { get; } = new("link-drops", "link dropped every 3 s, answers 100 ms late", LosesLinks: true);

    /// <summary>Every answer of the gateway 500 ms late: far slower than usual, within the response timeout.</summary>
    public static CarrierFault SlowAnswers { get; } = new("slow-answers", "every answer 500 ms late (response timeout 4 s)", LosesLinks: false);

    /// <summary>The gateway unreachable for longer than the engine's longest retry delay mid fan-out, then back.</summary>
    public static CarrierFault Outage { get; } = new("gateway-down", "gateway unreachable 8 s mid fan-out (retries back off to 5 s), then back", LosesLinks: true);

    /// <summary>
    /// The gateway admits 60 % of the hub's contracted rate and answers the rest with flow control: CMPP Result 8, SGIP
    /// Result 11, SMGP Status 1. (A share of answers throttled whatever the rate, as the SMPP battery does, leaves these
    /// adapters paused most of each second: a release crawls at a few parts a second.)
    /// </summary>
    public static CarrierFault Throttled { get; } = new("flow-control", "gateway admits 60 % of the contracted rate, flow control beyond", LosesLinks: false);

    /// <summary>`warninghub serve` killed (SIGKILL) at half of the phones, then started again.</summary>
    public static CarrierFault Kill { get; } = new("kill-9-at-50%", "serve killed (SIGKILL) at 50 % of phones, restarted", LosesLinks: true);

    /// <summary>The primary of two routed gateways dies mid fan-out; its numbers continue through the backup (run by <see cref="CarrierFailover"/>).</summary>
    public static CarrierFault GatewayDies { get; } = new("gateway-dies", "CMPP primary's ISMG stopped at a third of its numbers, SGIP backup", LosesLinks: true);

    /// <summary>Two routed gateways, both up: nothing may be flagged (the second warning of <see cref="CarrierFailover"/>).</summary>
    public static CarrierFault Routed { get; } = new("routed", "CMPP for China Mobile numbers, SGIP for the rest", LosesLinks: false);

    /// <summary>The faults run per gateway kind; a wrong password is a check of its own (<see cref="CarrierBattery.WrongPasswordAsync"/>).</summary>
    public static IReadOnlyList<CarrierFault> All { get; } = [LinkDrops, SlowAnswers, Outage, Throttled, Kill];

    public override string ToString() => Name;
}
