using System.Collections.Concurrent;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp;

namespace WarningHub.Interop.Tests.Support;

/// <summary>
/// Plays the engine's part for fault tests, as the retry policy does: a slot is resent with the same reference after
/// Unknown (and counted as flagged "possibly duplicated"), Temporary (an attempt spent) or Unavailable (no attempt
/// spent: it waits until the gateway reports itself up). Bounded in attempts per slot and in time overall.
/// </summary>
internal sealed class EngineRole(SmppGateway gateway, int maxAttempts = 60)
{
    private readonly ConcurrentDictionary<long, int> _flagged = new();
    private int _unavailable;
    private int _temporary;
    private int _unknown;

    /// <summary>Slots that got at least one Unknown: the ledger would mark them possibly duplicated.</summary>
    public IReadOnlyCollection<long> Flagged => [.. _flagged.Keys];

    public int UnavailableResults => Volatile.Read(ref _unavailable);

    public int TemporaryResults => Volatile.Read(ref _temporary);

    public int UnknownResults => Volatile.Read(ref _unknown);

    /// <summary>Sends every message to a final result (Accepted or Permanent, or the last result when its attempts ran out).</summary>
    public async Task<IReadOnlyDictionary<long, DeliveryResult>> SendAllAsync(IReadOnlyList<TextMessage> messages, int concurrency, TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        var queue = new ConcurrentQueue<TextMessage>(messages);
        var finals = new ConcurrentDictionary<long, DeliveryResult>();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (queue.TryDequeue(out var message))
            {
                finals[message.Reference] = await SendOneAsync(message, deadline.Token);
            }
        }));
        return finals;
    }

    private async Task<DeliveryResult> SendOneAsync(TextMessage message, CancellationToken deadline)
    {
        var attempts = 0;
        while (true)
        {
            var result = await gateway.SendAsync(message, CancellationToken.None);
            switch (result.Outcome)
            {
                case SendOutcome.Accepted or SendOutcome.PermanentFailure:
                    return result;
                case SendOutcome.Unknown:
                    Interlocked.Increment(ref _unknown);
                    _flagged.AddOrUpdate(message.Reference, 1, (_, n) => n + 1);
                    attempts++;
                    break;
                case SendOutcome.TemporaryFailure:
                    Interlocked.Increment(ref _temporary);
                    attempts++;
                    await Task.Delay(Clamp(result.RetryAfter ?? TimeSpan.FromMilliseconds(50)), CancellationToken.None);
                    break;
                case SendOutcome.GatewayUnavailable:
                    Interlocked.Increment(ref _unavailable);
                    await WaitUntilUpAsync(deadline);
                    break;
            }

            if (attempts >= maxAttempts || deadline.IsCancellationRequested)
            {
                return result;
            }
        }
    }

    /// <summary>Waits for the gateway's own signal that it is up again (or for the test's deadline).</summary>
    private Task<bool> WaitUntilUpAsync(CancellationToken deadline) =>
        Eventually.TrueAsync(() => gateway.Health.IsUp || deadline.IsCancellationRequested, TimeSpan.FromMinutes(10));

    private static TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : wait > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
}
