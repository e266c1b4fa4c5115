namespace WarningHub.Engine.Sending.Routing;

/// <summary>
/// Settings "WarningHub:Routing": which gateway carries which numbers when a channel has more than one adapter (two
/// SMS gateways, a city's and a county's WeChat account), and when a gateway is taken out of the rotation.
/// </summary>
public sealed class RoutingOptions
{
    /// <summary>
    /// Number ranges per operator (移动, 联通, 电信, 广电): prefixes of an 11-digit mobile number, of any length, the
    /// longest match winning ("134" 移动 and "1349" 电信). An operator named here replaces its built-in list.
    /// </summary>
    public Dictionary<string, List<string>> Operators { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per adapter, by its name (the gateway's key under Sms:Smpp, Sms:Cmpp…): which numbers it takes, and its rank.</summary>
    public Dictionary<string, GatewayRoute> Gateways { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When a gateway that answers but fails is taken out of the rotation (only on channels with several adapters).</summary>
    public CircuitOptions Circuit { get; set; } = new();
}

/// <summary>One gateway's place in its channel's routing.</summary>
public sealed class GatewayRoute
{
    /// <summary>Operators whose numbers it takes (移动, 联通, 电信, 广电); empty: every number.</summary>
    public List<string> Operators { get; set; } = [];

    /// <summary>Lower goes first: a gateway of priority 1 takes a number only while every priority-0 gateway for it is down. <value>0.</value></summary>
    public int Priority { get; set; }

    /// <summary>Its share of the numbers among the usable gateways of its priority. <value>1.</value></summary>
    public int Weight { get; set; } = 1;

    /// <summary>
    /// On WeChat, the account of followers whose address names none (subscribers.csv rows with an empty account): required
    /// of one account when several are configured. Operators, priority and weight do not apply to accounts: a follower
    /// goes through the account they follow or waits for it. <value>false.</value>
    /// </summary>
    public bool Default { get; set; }
}

/// <summary>
/// A circuit breaker per gateway (Polly): when at least <see cref="FailureRatio"/> of at least
/// <see cref="MinimumThroughput"/> sends within <see cref="SamplingDuration"/> fail temporarily or end unknown, the
/// gateway gets nothing for <see cref="BreakDuration"/>, and its numbers go to the next gateway.
/// </summary>
public sealed class CircuitOptions
{
    /// <summary>Share of failed sends that opens the circuit, above 0 and at most 1. <value>0.5.</value></summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Sends within the sampling window before the ratio counts. <value>20.</value></summary>
    public int MinimumThroughput { get; set; } = 20;

    /// <summary>The window over which the ratio is taken. <value>5 seconds.</value></summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an open circuit keeps the gateway out before one trial send. <value>30 seconds.</value></summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
