using WarningHub.Simulators.CloudSms;

namespace WarningHub.FaultBattery.Carriers;

/// <summary>
/// One fault of the battery for HTTP SMS gateways (issue 12, item 7), played by the cloud SMS simulator on every
/// <see cref="HttpGatewayBattery.FaultEvery"/>th send request; the others are answered normally.
/// </summary>
/// <param name="Name">Short name, printed and used to choose faults.</param>
/// <param name="Description">What is done, in one line.</param>
/// <param name="Mode">The simulator's fault switch.</param>
/// <param name="AfterAccept">The platform takes the numbers before the fault strikes: they reach the phones, and the hub cannot know.</param>
public sealed record HttpFault(string Name, string Description, CloudSmsFault Mode, bool AfterAccept)
{
    /// <summary>The request is taken, then no answer comes before the hub's Timeout.</summary>
    public static HttpFault Timeouts { get; } = new("timeouts", "numbers taken, then no answer within the hub's timeout", CloudSmsFault.Timeout, AfterAccept: true);

    /// <summary>The platform fails with 500 before taking anything (isp.SYSTEM_ERROR).</summary>
    public static HttpFault ServerErrors { get; } = new("5xx", "500 isp.SYSTEM_ERROR before anything is taken", CloudSmsFault.ServerError, AfterAccept: false);

    /// <summary>The numbers are taken, the answer's status and first bytes come, the rest not in time.</summary>
    public static HttpFault SlowBodies { get; } = new("slow-bodies", "numbers taken, 200 and the body's first bytes, the rest too late", CloudSmsFault.SlowBody, AfterAccept: true);

    /// <summary>The numbers are taken, then the connection is dropped without an answer.</summary>
    public static HttpFault Resets { get; } = new("resets", "numbers taken, then the connection reset without an answer", CloudSmsFault.Reset, AfterAccept: true);

    /// <summary>Every HTTP fault the battery runs.</summary>
    public static IReadOnlyList<HttpFault> All { get; } = [Timeouts, ServerErrors, SlowBodies, Resets];

    public override string ToString() => Name;
}
