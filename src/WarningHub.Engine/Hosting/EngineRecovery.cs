using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using WarningHub.Core.Ledger;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Receipts;
using WarningHub.Engine.Release;
using WarningHub.Engine.Sending;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Hosting;

/// <summary>
/// Start-up: the ledger is the truth. Slots a crash left in Sending are marked PossiblyDuplicated and queued again;
/// released warnings get their expiry and repeat triggers back; every unfinished shard gets its job back. Warnings
/// whose release had not finished are the release outbox's, whose first sweep runs as it starts.
/// </summary>
public sealed class EngineRecovery(
    IWarningStore warnings,
    ILedgerMaintenance maintenance,
    WarningScheduler scheduler,
    WarningLifecycle lifecycle,
    ShardQueue queue,
    ISchedulerFactory quartz,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<EngineRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var inFlight = await maintenance.RecoverInFlightAsync(now, cancellationToken);
        if (inFlight.Requeued > 0)
            logger.LogWarning("{Count} slots were in a job's hands when the hub stopped: queued again; {Flagged} of them may have reached the gateway and are marked PossiblyDuplicated",
                inFlight.Requeued, inFlight.PossiblyDuplicated);

        foreach (var warning in await warnings.ListActiveAsync(cancellationToken))
        {
            if (warning is not { State: WarningState.Released } || WarningLifecycle.EndOf(warning, warning.ReleasedAt ?? now) is not { } expires) continue;
            if (expires <= now)
            {
                await lifecycle.ExpireAsync(warning.Id, cancellationToken);
                continue;
            }
            await scheduler.ScheduleExpiryAsync(warning.Id, expires, cancellationToken);
            if (WarningLifecycle.Repeats(warning) && warning.Level is { } level && options.Value.RepeatEvery.TryGetValue(level.ToString(), out var every))
                await scheduler.ScheduleRepeatsAsync(warning.Id, every, now + every, expires, cancellationToken);
        }

        var shards = await maintenance.UnfinishedShardsAsync(cancellationToken);
        foreach (var shard in shards) queue.Enqueue(shard);
        if (shards.Count > 0) logger.LogInformation("Resumed {Count} unfinished shards from the ledger", shards.Count);

        // A sweep that was missed (the process paused, the clock jumped) runs at once, never waits a whole interval.
        var s = await quartz.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<ReceiptWindowJob>().WithIdentity("receipt-window", "maintenance").Build();
        var trigger = TriggerBuilder.Create(s.TimeProvider).WithIdentity("receipt-window", "maintenance").StartAt(s.TimeProvider.GetUtcNow())
            .WithSimpleSchedule(x => x.WithInterval(options.Value.ReceiptSweepInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)).Build();
        await s.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
