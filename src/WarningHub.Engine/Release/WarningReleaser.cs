using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Core.Cap;
using WarningHub.Core.Ledger;
using WarningHub.Core.Planning;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Sending;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Release;

/// <summary>
/// Releases a warning exactly once: Accepted → Releasing is a conditional update only one caller wins.
/// Planning persists shard by shard and each shard's job is queued as soon as it is durable, so the first
/// messages leave while the rest of a large county is still being planned.
/// </summary>
public sealed class WarningReleaser(
    IWarningStore warnings,
    ILedger ledger,
    ShardQueue queue,
    ShardFastLane fastLane,
    ChannelRouter router,
    WarningRouting routing,
    WarningScheduler scheduler,
    WarningLifecycle lifecycle,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<WarningReleaser> logger,
    Acknowledgements.AcknowledgementCalls? acknowledgements = null,
    Reach.DoorToDoorNotices? doorToDoor = null,
    Notices.OfficerAllClear? officerAllClear = null)
{
    private const int SettleChecks = 100;
    private static readonly TimeSpan SettlePause = TimeSpan.FromMilliseconds(50);

    /// <summary>How long the rest of a release waits for the first batch to be claimed.</summary>
    private static readonly TimeSpan FastLaneLead = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The rest of the county is persisted once the first batch is claimed: its claim would otherwise queue for the
    /// ledger's single writer behind thousands of inserts. The wait is bounded in real time, whatever the clock.
    /// </summary>
    private static async ValueTask GiveTheFirstBatchTheLeadAsync(Task claimed)
    {
        try
        {
            await claimed.WaitAsync(FastLaneLead);
        }
        catch (TimeoutException)
        {
            // The batch is slow to start; the release goes on and the batch still runs.
        }
    }

    /// <summary>
    /// The first shard's Hangfire job is queued once the first batch has its lead: queued at once, the job started on
    /// the same shard beside the batch (reading, rendering, claiming) and took the two cores from the first send.
    /// </summary>
    private async ValueTask LeadThenEnqueueAsync(Task claimed, ShardInfo shard)
    {
        try
        {
            await GiveTheFirstBatchTheLeadAsync(claimed);
        }
        finally
        {
            queue.Enqueue(shard);
        }
    }

    /// <param name="resume">Finish a release that a crash or a failed try interrupted (the warning is Releasing).</param>
    public async Task ReleaseAsync(long warningId, bool resume, CancellationToken cancellationToken)
    {
        var warning = await warnings.GetByIdAsync(warningId, cancellationToken);
        if (warning is null) return;
        var now = time.GetUtcNow();
        if (warning.State == WarningState.Accepted)
        {
            if (!await warnings.TransitionAsync(warningId, WarningState.Accepted, WarningState.Releasing, now, cancellationToken)) return;
        }
        else if (!(resume && warning.State == WarningState.Releasing))
        {
            return;
        }
        if (await lifecycle.EndIfOverAsync(warningId, cancellationToken)) return;

        // A Cancel has no area of its own to plan: its all-clear goes only to those the cancelled warnings reached. The
        // release policy and the CAP's ChannelsOff choose the channels; an authorised drill opens an Exercise to the public.
        var plan = await routing.PlanAsync(warning, now, cancellationToken);
        var first = !resume;
        var shards = await ledger.PersistPlanAsync(plan, shard =>
        {
            if (!first)
            {
                queue.Enqueue(shard);
                return ValueTask.CompletedTask;
            }
            first = false;
            // The first shard's first batch leaves from here, without waiting for its Hangfire job to be picked up.
            var claimed = fastLane.Start(shard);
            return LeadThenEnqueueAsync(claimed, shard);
        }, cancellationToken);
        if (warning.MsgType is CapMsgType.Update or CapMsgType.Cancel)
        {
            var followUp = await PersistFollowUpAsync(warning, cancellationToken);
            foreach (var shard in followUp)
            {
                if (first)
                {
                    first = false;
                    _ = fastLane.Start(shard);
                }
                queue.Enqueue(shard);
            }
        }
        // Officers called for 叫应 or sent door-to-door links are no ledger slots: the Cancel tells them through their outbox.
        if (officerAllClear is not null && warning.MsgType == CapMsgType.Cancel) await officerAllClear.QueueAsync(warning, cancellationToken);
        if (resume)
        {
            // Shards persisted before the crash were queued then; the recovery pass queues unfinished ones again.
            logger.LogInformation("Release of warning {WarningId} resumed", warningId);
        }
        // 叫应 calls are recorded before the warning counts as released: a release resumed after a crash makes them
        // (once: their keys are idempotent) instead of leaving officers uncalled.
        if (acknowledgements is not null) await acknowledgements.StartAsync(warning, cancellationToken);
        // Door-to-door links likewise, queued now and due minutes later: a restart in between still sends them, once.
        // The release policy's rule may turn them on or off for the warning's event and level.
        if (doorToDoor is not null) await doorToDoor.ScheduleAsync(warning, routing.DecisionFor(warning).DoorToDoor, cancellationToken);
        await warnings.TransitionAsync(warningId, WarningState.Releasing, WarningState.Released, time.GetUtcNow(), cancellationToken);
        if (WarningLifecycle.EndOf(warning, time.GetUtcNow()) is { } expires)
        {
            await scheduler.ScheduleExpiryAsync(warningId, expires, cancellationToken);
            var released = time.GetUtcNow();
            if (routing.RepeatsOf(warning, released, expires) is { } repeats)
                await scheduler.ScheduleRepeatsAsync(warningId, repeats.Every, released + repeats.Every, repeats.Until, cancellationToken);
        }
        logger.LogInformation("Warning {PublicId} released: {Slots} slots in {Shards} shards, {Persons} persons targeted",
            warning.PublicId, plan.Channels.Sum(c => c.Slots.Count), shards.Count, plan.Targets.Sum(t => t.Persons));
    }

    /// <summary>
    /// The ended warnings' jobs stop between two sends; a slot still in their hands either leaves or is cancelled in a
    /// moment. Waiting for that (bounded in real time, whatever the clock) keeps those that never left out of the
    /// all-clear; after the bound they are counted in, as ones that may have left.
    /// </summary>
    private async Task LetEndedSendsSettleAsync(IReadOnlyCollection<long> earlier, CancellationToken cancellationToken)
    {
        for (var i = 0; i < SettleChecks && await ledger.InHandsAsync(earlier, cancellationToken) > 0; i++)
        {
            await Task.Delay(SettlePause, TimeProvider.System, cancellationToken);
        }
    }

    /// <summary>
    /// A correction or an all-clear also goes to everyone the warnings it refers to reached, or may have reached, on
    /// every channel still served (SMS, WeChat, WeCom, TV, loudspeakers, broadcasters), once per address.
    /// </summary>
    private async Task<IReadOnlyList<ShardInfo>> PersistFollowUpAsync(WarningRecord warning, CancellationToken cancellationToken)
    {
        var earlier = new List<long>();
        foreach (var publicId in warning.References)
        {
            if (await warnings.GetAsync(publicId, cancellationToken) is { } record) earlier.Add(record.Id);
        }
        await LetEndedSendsSettleAsync(earlier, cancellationToken);
        var shards = await ledger.PersistFollowUpAsync(warning.Id, earlier, [.. router.PlanChannels().Served], options.Value.ShardSize, cancellationToken);
        if (shards.Count > 0)
        {
            logger.LogInformation("Warning {PublicId} ({MsgType}) also goes to {Slots} addresses its earlier warnings reached",
                warning.PublicId, warning.MsgType, shards.Sum(s => s.Count));
        }
        return shards;
    }
}
