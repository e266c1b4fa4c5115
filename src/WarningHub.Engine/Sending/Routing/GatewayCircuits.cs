using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using WarningHub.Abstractions;

namespace WarningHub.Engine.Sending.Routing;

/// <summary>
/// A Polly circuit breaker per gateway, used where a channel has more than one adapter: a gateway that keeps
/// answering with temporary failures or unknown outcomes is taken out of the rotation for a while, so its numbers go
/// to the next gateway instead of spending their attempts on it. A send refused by an open circuit never left: it
/// comes back as <see cref="SendOutcome.GatewayUnavailable"/> (no attempt spent) and is routed again.
/// </summary>
public sealed partial class GatewayCircuits(IOptions<RoutingOptions> options, TimeProvider time, ILogger<GatewayCircuits> logger)
{
    private readonly ConcurrentDictionary<string, Circuit> _circuits = new(StringComparer.Ordinal);

    /// <summary>
    /// False while the gateway's circuit is open (or isolated); true before it ever sent, and again once the break is
    /// over (Polly moves an open circuit to half-open only when a send is tried: the router must let one through).
    /// </summary>
    public bool IsClosed(string gateway) =>
        !_circuits.TryGetValue(gateway, out var circuit)
        || circuit.State.CircuitState switch
        {
            CircuitState.Isolated => false,
            CircuitState.Open => time.GetUtcNow() >= circuit.BreakUntil,
            _ => true,
        };

    /// <summary>The gateways whose circuit is open now, with when it opened.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Open =>
        _circuits.Where(c => c.Value.State.CircuitState is CircuitState.Open or CircuitState.Isolated)
            .ToDictionary(c => c.Key, c => c.Value.OpenedAt, StringComparer.Ordinal);

    /// <summary>Runs one send through the gateway's circuit.</summary>
    /// <param name="gateway">The adapter's name.</param>
    /// <param name="send">The send itself.</param>
    /// <param name="cancellationToken">Ends the send.</param>
    public async ValueTask<DeliveryResult> SendAsync(string gateway, Func<CancellationToken, ValueTask<DeliveryResult>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var circuit = _circuits.GetOrAdd(gateway, Create);
        try
        {
            return await circuit.Pipeline.ExecuteAsync(static (send, ct) => send(ct), send, cancellationToken);
        }
        catch (BrokenCircuitException)
        {
            return DeliveryResult.Unavailable($"gateway {gateway} is out of the rotation: too many of its recent sends failed");
        }
    }

    private Circuit Create(string gateway)
    {
        var settings = options.Value.Circuit;
        var state = new CircuitBreakerStateProvider();
        var circuit = new Circuit(state);
        circuit.Pipeline = new ResiliencePipelineBuilder<DeliveryResult> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<DeliveryResult>
            {
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = settings.SamplingDuration,
                BreakDuration = settings.BreakDuration,
                StateProvider = state,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is not null and not OperationCanceledException
                    || (args.Outcome.Exception is null && args.Outcome.Result.Outcome is SendOutcome.TemporaryFailure or SendOutcome.Unknown)),
                OnOpened = args =>
                {
                    circuit.OpenedAt = time.GetUtcNow();
                    circuit.BreakUntil = circuit.OpenedAt + args.BreakDuration;
                    LogOpened(gateway, args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    LogClosed(gateway);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        return circuit;
    }

    private sealed class Circuit(CircuitBreakerStateProvider state)
    {
        public CircuitBreakerStateProvider State { get; } = state;

        public ResiliencePipeline<DeliveryResult> Pipeline { get; set; } = ResiliencePipeline<DeliveryResult>.Empty;

        public DateTimeOffset OpenedAt { get; set; }

        public DateTimeOffset BreakUntil { get; set; }
    }

    [LoggerMessage(EventId = 1411, Level = LogLevel.Warning, Message = "Gateway {Gateway}: too many failed sends, out of the rotation for {BreakDuration}; its numbers go to the next gateway")]
    private partial void LogOpened(string gateway, TimeSpan breakDuration);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Information, Message = "Gateway {Gateway} is back in the rotation")]
    private partial void LogClosed(string gateway);
}
