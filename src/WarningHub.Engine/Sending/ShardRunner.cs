using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Sending;

/// <summary>
/// Sends one shard: claims due slots in batches, hands them to the channel's adapter with as many in flight as the
/// adapter allows, records every outcome, and schedules the next retry round if any slot is left. While the
/// channel's gateway cannot take messages, it claims nothing: the shard waits in <see cref="GatewayWaits"/>, so no
/// attempt is spent on an outage (guarantee 9).
/// </summary>
public sealed partial class ShardRunner(
    ILedger ledger,
    ILedgerMaintenance maintenance,
    IWarningStore warnings,
    ChannelRouter router,
    ShardPayloadFactory payloads,
    SlotOutcomePolicy outcomesPolicy,
    GatewayWaits waits,
    ShardQueue queue,
    WarningLifecycle lifecycle,
    ActiveWarnings active,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<ShardRunner> logger)
{
    /// <summary>Slots in a run's first claim: enough to fill an adapter's window, few enough to claim in a millisecond.</summary>
    private const int FirstClaim = 64;

    /// <summary>Runs up to <paramref name="claims"/> claims of the shard.</summary>
    /// <param name="claimed">Told once the first message of the first batch is marked written, before it leaves (see <see cref="ShardFastLane"/>).</param>
    public async Task RunAsync(long shardId, int claims, CancellationToken cancellationToken, Action? claimed = null)
    {
        var shard = await maintenance.GetShardAsync(shardId, cancellationToken);
        if (shard is null)
        {
            logger.LogWarning("Shard {ShardId} does not exist; nothing to send", shardId);
            return;
        }
        var warning = await warnings.GetByIdAsync(shard.WarningId, cancellationToken)
            ?? throw new InvalidOperationException($"Shard {shardId} belongs to missing warning {shard.WarningId}.");
        var sender = router.AdapterFor(shard.Channel);
        if (sender is null)
        {
            logger.LogError("No adapter serves channel {Channel}; shard {ShardId} waits", shard.Channel, shardId);
            queue.Schedule(shard, time.GetUtcNow() + options.Value.RetryMaxDelay);
            return;
        }
        var stop = active.StopTokenOf(warning.Id);
        var payload = await payloads.CreateAsync(sender, warning, shard.Channel, cancellationToken);
        if (payload is null)
        {
            queue.Schedule(shard, time.GetUtcNow() + options.Value.RetryMaxDelay);
            return;
        }

        // The first claim is small so the first messages leave at once; later claims are full batches.
        var batch = Math.Min(FirstClaim, options.Value.ClaimBatch);
        for (var claim = 0; claim < claims && !cancellationToken.IsCancellationRequested; claim++)
        {
            if (await lifecycle.EndIfOverAsync(warning.Id, cancellationToken)) return;
            if (sender is IGatewayHealth { Health.IsUp: false } gateway)
            {
                // Nothing is claimed, so nothing spends an attempt; the shard is queued again when the gateway is back.
                waits.Park(shard, gateway);
                claimed?.Invoke();
                return;
            }
            var slots = await ledger.ClaimAsync(shard, time.GetUtcNow(), batch, cancellationToken);
            batch = options.Value.ClaimBatch;
            if (slots.Count == 0)
            {
                claimed?.Invoke();
                break;
            }
            await using (var outcomes = new OutcomeWriter(ledger, time))
            {
                // The fast lane's caller waits until the first message is marked written, not only claimed: the mark
                // is a ledger write too, and it must not queue behind the rest of the county's inserts.
                await SendAllAsync(sender, slots, payload, warning, outcomes, claimed, stop, cancellationToken);
                claimed?.Invoke();
                if (outcomes.GatewayUnavailable)
                {
                    // The gateway went away under this batch: no more claims now, the rest waits for it.
                    if (sender is IGatewayHealth { Health.IsUp: false } gone) waits.Park(shard, gone);
                    else queue.Schedule(shard, time.GetUtcNow() + GatewayWaits.CheckEvery);
                    return;
                }
            }
        }

        if (await lifecycle.EndIfOverAsync(warning.Id, cancellationToken)) return;
        if (sender is IGatewayHealth { Health.IsUp: false } down)
        {
            waits.Park(shard, down);
            return;
        }
        if (await maintenance.NextDueAsync(shard, cancellationToken) is { } next) queue.Schedule(shard, next);
    }

    private async Task SendAllAsync(IChannelAdapter sender, IReadOnlyList<LedgerSlot> slots, ShardPayload payload,
        WarningRecord warning, OutcomeWriter outcomes, Action? marked, CancellationToken stop, CancellationToken cancellationToken)
    {
        var inFlight = Math.Max(1, sender.Definition.MaxInFlight);
        using var gate = new SemaphoreSlim(inFlight, inFlight);
        var running = new List<Task>(slots.Count);
        for (var i = 0; i < slots.Count; i++)
        {
            await gate.WaitAsync(cancellationToken);
            if (stop.IsCancellationRequested || cancellationToken.IsCancellationRequested)
            {
                gate.Release();
                // Claimed but never handed over: these slots did not leave.
                for (var k = i; k < slots.Count; k++) outcomes.Add(outcomesPolicy.NotSent(slots[k], warning));
                break;
            }
            running.Add(SendOneAsync(sender, slots[i], payload, warning, gate, outcomes, marked, stop));
        }
        await Task.WhenAll(running);
    }

    private async Task SendOneAsync(IChannelAdapter sender, LedgerSlot slot, ShardPayload payload, WarningRecord warning,
        SemaphoreSlim gate, OutcomeWriter outcomes, Action? marked, CancellationToken stop)
    {
        try
        {
            DeliveryResult result;
            try
            {
                // The stop signal reaches sends still waiting in the adapter (for its rate limit or a window slot):
                // they give up before anything is written, so a cancel stops them too, not only those not started.
                result = await payload.SendAsync(sender, slot, marked, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                outcomes.Add(outcomesPolicy.NotSent(slot, warning));
                return;
            }
            catch (Exception ex)
            {
                // An adapter must not throw; if it does, nobody knows whether the message left.
                LogAdapterThrew(ex, sender.Definition.Name, slot.Id);
                result = DeliveryResult.Unknown("adapter threw " + ex.GetType().Name);
            }
            outcomes.Add(outcomesPolicy.OutcomeOf(slot, result, warning, sender.Definition.Name), result.Outcome == SendOutcome.GatewayUnavailable);
        }
        finally
        {
            gate.Release();
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "Adapter {Adapter} threw for slot {SlotId}")]
    private partial void LogAdapterThrew(Exception ex, string adapter, long slotId);
}
