using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Sending;

/// <summary>
/// Sends one shard: claims due slots in batches, hands them to the channel's adapter — or, where a channel has several,
/// to the one its route picks per slot (<see cref="Routing.GatewayRoutes"/>) — with as many in flight as each adapter
/// allows, records every outcome, and schedules the next retry round if any slot is left. While no gateway of the
/// channel can take messages, it claims nothing: the shard waits in <see cref="GatewayWaits"/>, so no attempt is spent
/// on an outage (guarantee 9).
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
    ILogger<ShardRunner> logger,
    Receipts.UnrecordedSends? unrecorded = null)
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
        var candidates = router.RoutedAdaptersFor(shard.Channel);
        if (candidates.Count == 0)
        {
            logger.LogError("No adapter serves channel {Channel}; shard {ShardId} waits", shard.Channel, shardId);
            queue.Schedule(shard, time.GetUtcNow() + options.Value.RetryMaxDelay);
            return;
        }
        // The warning's own stop signal, given to the adapters as it is: an adapter may keep it past the send (a
        // loudspeaker stream plays on and is cut by it), so it must not be a linked source this method disposes. A
        // stopping host stops handing over new sends instead (SendThroughAsync).
        var stop = active.StopTokenOf(warning.Id);
        // The adapters of one channel are of one kind (text or audio), so they share the payload.
        var payload = await payloads.CreateAsync(candidates[0], warning, shard.Channel, cancellationToken);
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
            if (!AnyUsable(candidates))
            {
                // Nothing is claimed, so nothing spends an attempt; the shard is queued again when a gateway is back.
                Wait(shard, candidates);
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
            await using (var outcomes = new OutcomeWriter(ledger, time, unrecorded))
            {
                // The fast lane's caller waits until the first message is marked written, not only claimed: the mark
                // is a ledger write too, and it must not queue behind the rest of the county's inserts.
                await SendAllAsync(shard.Channel, candidates, slots, payload, warning, outcomes, claimed, stop, cancellationToken);
                claimed?.Invoke();
                if (outcomes.GatewayUnavailable)
                {
                    // A gateway went away under this batch: its slots came back unspent. With another gateway usable they
                    // are routed to it at their next attempt (a second from now); else the shard waits for one.
                    if (AnyUsable(candidates)) queue.Schedule(shard, time.GetUtcNow() + GatewayWaits.CheckEvery);
                    else Wait(shard, candidates);
                    return;
                }
            }
        }

        if (await lifecycle.EndIfOverAsync(warning.Id, cancellationToken)) return;
        if (!AnyUsable(candidates))
        {
            Wait(shard, candidates);
            return;
        }
        if (await maintenance.NextDueAsync(shard, cancellationToken) is { } next) queue.Schedule(shard, next);
    }

    private bool AnyUsable(IReadOnlyList<IChannelAdapter> candidates)
    {
        foreach (var adapter in candidates)
        {
            if (router.Routes.IsUsable(adapter)) return true;
        }
        return false;
    }

    /// <summary>
    /// No gateway of the channel can take messages: when all are down, the shard waits in <see cref="GatewayWaits"/>
    /// for the first to come back; when some are only out of the rotation (an open circuit), it looks again shortly.
    /// </summary>
    private void Wait(ShardInfo shard, IReadOnlyList<IChannelAdapter> candidates)
    {
        var down = candidates.OfType<IGatewayHealth>().Where(g => !g.Health.IsUp).ToList();
        if (down.Count == candidates.Count) waits.Park(shard, down);
        else queue.Schedule(shard, time.GetUtcNow() + GatewayWaits.CheckEvery);
    }

    private async Task SendAllAsync(string channel, IReadOnlyList<IChannelAdapter> candidates, IReadOnlyList<LedgerSlot> slots, ShardPayload payload,
        WarningRecord warning, OutcomeWriter outcomes, Action? marked, CancellationToken stop, CancellationToken cancellationToken)
    {
        if (candidates.Count == 1)
        {
            await SendThroughAsync(candidates[0], slots, payload, warning, outcomes, marked, circuit: false, stop, cancellationToken);
            return;
        }
        // Each slot is routed once per claim (operator, priority, weight, who is up); each gateway then sends its share
        // at its own pace, beside the others.
        var shares = new Dictionary<IChannelAdapter, List<LedgerSlot>>(ReferenceEqualityComparer.Instance);
        foreach (var slot in slots)
        {
            if (router.AdapterFor(channel, slot.Address, slot.Id) is not { } adapter)
            {
                outcomes.Add(outcomesPolicy.OutcomeOf(slot, DeliveryResult.Unavailable("no gateway for this number can take messages now"), warning, ""), true);
                continue;
            }
            if (!shares.TryGetValue(adapter, out var share)) shares[adapter] = share = [];
            share.Add(slot);
        }
        await Task.WhenAll(shares.Select(s => SendThroughAsync(s.Key, s.Value, payload, warning, outcomes, marked, circuit: true, stop, cancellationToken)));
    }

    private async Task SendThroughAsync(IChannelAdapter sender, IReadOnlyList<LedgerSlot> slots, ShardPayload payload,
        WarningRecord warning, OutcomeWriter outcomes, Action? marked, bool circuit, CancellationToken stop, CancellationToken cancellationToken)
    {
        var inFlight = Math.Max(1, sender.Definition.MaxInFlight);
        using var gate = new SemaphoreSlim(inFlight, inFlight);
        var running = new List<Task>(slots.Count);
        for (var i = 0; i < slots.Count; i++)
        {
            var entered = false;
            try
            {
                await gate.WaitAsync(cancellationToken);
                entered = true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The host is stopping while the window is full. Leaving here would close the outcome writer under the
                // sends still in flight: their answers came, but the ledger never heard and a restart flagged them all.
            }
            if (!entered || stop.IsCancellationRequested || cancellationToken.IsCancellationRequested)
            {
                if (entered) gate.Release();
                // Claimed but never handed over: these slots did not leave.
                for (var k = i; k < slots.Count; k++) outcomes.Add(outcomesPolicy.NotSent(slots[k], warning));
                break;
            }
            running.Add(SendOneAsync(sender, slots[i], payload, warning, gate, outcomes, marked, circuit, stop));
        }
        // Sends already handed over finish (each ends on its own answer or timeout) and their outcomes are written.
        await Task.WhenAll(running);
    }

    private async Task SendOneAsync(IChannelAdapter sender, LedgerSlot slot, ShardPayload payload, WarningRecord warning,
        SemaphoreSlim gate, OutcomeWriter outcomes, Action? marked, bool circuit, CancellationToken stop)
    {
        try
        {
            DeliveryResult result;
            try
            {
                // The stop signal reaches sends still waiting in the adapter (for its rate limit or a window slot):
                // they give up before anything is written, so a cancel stops them too, not only those not started.
                result = circuit && router.Routes.Circuits is { } circuits
                    ? await circuits.SendAsync(sender.Definition.Name, ct => payload.SendAsync(sender, slot, marked, ct), stop)
                    : await payload.SendAsync(sender, slot, marked, stop);
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
