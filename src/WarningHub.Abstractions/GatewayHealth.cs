namespace WarningHub.Abstractions;

/// <summary>Whether a gateway can take messages now, and if not, why and since when.</summary>
/// <param name="IsUp">True while at least one connection can send.</param>
/// <param name="Problem">Why it cannot, worded for an operator (for a refused bind: which settings to check); null when up.</param>
/// <param name="Since">When the current state began (UTC).</param>
public sealed record GatewayHealth(bool IsUp, string? Problem, DateTimeOffset Since)
{
    /// <summary>Up since <paramref name="since"/>.</summary>
    public static GatewayHealth Up(DateTimeOffset since) => new(true, null, since);

    /// <summary>Down since <paramref name="since"/> for <paramref name="problem"/>.</summary>
    public static GatewayHealth Down(string problem, DateTimeOffset since) => new(false, problem, since);
}

/// <summary>
/// An adapter that knows whether its gateway can take messages. While it is down the engine does not hand it slots:
/// they wait without spending attempts, and status and <c>/health</c> show the wait and the reason.
/// </summary>
public interface IGatewayHealth : IChannelAdapter
{
    /// <summary>The gateway's state now.</summary>
    GatewayHealth Health { get; }
}

/// <summary>
/// An adapter that can ask its gateway about a message whose receipt never came (for SMPP: <c>query_sm</c>), for
/// receipts lost with a connection that dropped.
/// </summary>
public interface IReceiptQuery : IChannelAdapter
{
    /// <summary>
    /// The message's final state as the gateway knows it, or null while it is not final or the gateway cannot tell.
    /// Never throws for gateway errors.
    /// </summary>
    ValueTask<Receipt?> QueryAsync(string providerMessageId, string address, CancellationToken cancellationToken);
}
