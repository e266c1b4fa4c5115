using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Release;

namespace WarningHub.Engine.Sending;

/// <summary>
/// Sends one shard: claims due slots in batches, hands them to the channel's adapter with as many in flight
/// as the adapter allows, records every outcome, and schedules the next retry round if any slot is left.
/// </summary>
public sealed partial class ShardJob(
    ILedger ledger,
    ILedgerMaintenance maintenance,
    IWarningStore warnings,
    ChannelRouter router,
    RetryPolicy retry,
    ActiveWarnings active,
    ShardQueue queue,
    WarningContent content,
    WarningLifecycle lifecycle,
    RegistryHolder registry,
    IEnumerable<IBulletinSource> bulletins,
    BroadcastLinks links,
    Hosting.WarmUpSignal warmUp,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<ShardJob> logger)
{
    /// <summary>Slots in a run's first claim: enough to fill an adapter's window, few enough to claim in a millisecond.</summary>
    private const int FirstClaim = 64;

    // No DisableConcurrentExecution: its lock is per method, not per shard, so it serialised every shard of every
    // warning behind one slow gateway. Two runs of the same shard are harmless: a claim hands each slot out once.
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [1, 5, 15])]
    public Task RunAsync(long shardId, CancellationToken cancellationToken) => RunAsync(shardId, int.MaxValue, cancellationToken);

    /// <summary>One small claim of the shard, sent at once (see <see cref="ShardFastLane"/>); the shard's job does the rest.</summary>
    /// <param name="claimed">Told once the batch is claimed, before it is sent; a run that ends before claiming never tells.</param>
    public Task RunFirstBatchAsync(long shardId, Action claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return RunAsync(shardId, 1, cancellationToken, claimed);
    }

    private async Task RunAsync(long shardId, int claims, CancellationToken cancellationToken, Action? claimed = null)
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
        var payload = await PayloadAsync(sender, warning, shard.Channel, cancellationToken);
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
            var slots = await ledger.ClaimAsync(shard, time.GetUtcNow(), batch, cancellationToken);
            claimed?.Invoke();
            batch = options.Value.ClaimBatch;
            if (slots.Count == 0) break;
            await using (var outcomes = new OutcomeWriter(ledger, time))
            {
                await SendAllAsync(sender, slots, payload, warning, outcomes, stop, cancellationToken);
            }
        }

        if (await lifecycle.EndIfOverAsync(warning.Id, cancellationToken)) return;
        if (await maintenance.NextDueAsync(shard, cancellationToken) is { } next) queue.Schedule(shard, next);
    }

    private async Task<ShardPayload?> PayloadAsync(IChannelAdapter adapter, WarningRecord warning, string channel, CancellationToken cancellationToken)
    {
        Bulletin? bulletin = null;
        if (adapter is IAudioBroadcaster)
        {
            var source = bulletins.FirstOrDefault();
            if (source is null)
            {
                logger.LogError("Channel {Channel} plays audio but no bulletin source is configured; its shards wait", channel);
                return null;
            }
            bulletin = await source.BulletinAsync(warning, cancellationToken);
        }
        Func<long, string>? perVillage = channel == Core.Planning.Channels.Broadcaster ? village => links.TextFor(warning, village) : null;
        return new ShardPayload(channel, content.TextFor(warning, channel), content.FieldsFor(warning), bulletin, registry.Endpoints, perVillage);
    }

    private async Task SendAllAsync(IChannelAdapter sender, IReadOnlyList<LedgerSlot> slots, ShardPayload payload,
        WarningRecord warning, OutcomeWriter outcomes, CancellationToken stop, CancellationToken cancellationToken)
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
                for (var k = i; k < slots.Count; k++) outcomes.Add(NotSent(slots[k], warning));
                break;
            }
            running.Add(SendOneAsync(sender, slots[i], payload, warning, gate, outcomes, stop));
        }
        await Task.WhenAll(running);
    }

    private async Task SendOneAsync(IChannelAdapter sender, LedgerSlot slot, ShardPayload payload, WarningRecord warning,
        SemaphoreSlim gate, OutcomeWriter outcomes, CancellationToken stop)
    {
        try
        {
            DeliveryResult result;
            try
            {
                // The stop signal reaches sends still waiting in the adapter (for its rate limit or a window slot):
                // they give up before anything is written, so a cancel stops them too, not only those not started.
                result = await payload.SendAsync(sender, slot, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                outcomes.Add(NotSent(slot, warning));
                return;
            }
            catch (Exception ex)
            {
                // An adapter must not throw; if it does, nobody knows whether the message left.
                logger.LogError(ex, "Adapter {Adapter} threw for slot {SlotId}", sender.Definition.Name, slot.Id);
                result = DeliveryResult.Unknown("adapter threw " + ex.GetType().Name);
            }
            outcomes.Add(OutcomeOf(slot, result, warning, sender.Definition.Name));
        }
        finally
        {
            gate.Release();
        }
    }
}
