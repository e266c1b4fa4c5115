using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using WarningHub.Core.Ledger;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Intake;
using WarningHub.Engine.Receipts;
using WarningHub.Engine.Release;
using WarningHub.Engine.Sending;

namespace WarningHub.Engine.Hosting;

/// <summary>
/// Start-up: the ledger is the truth. Slots a crash left in Sending are marked PossiblyDuplicated and queued
/// again; warnings are re-dispatched, interrupted releases resumed, expiries re-scheduled; every unfinished
/// shard gets its job back. Runs before the API accepts anything.
/// </summary>
public sealed class EngineRecovery(
    IWarningStore warnings,
    ILedgerMaintenance maintenance,
    WarningDispatcher dispatcher,
    WarningReleaser releaser,
    WarningScheduler scheduler,
    WarningLifecycle lifecycle,
    ShardQueue queue,
    ISchedulerFactory quartz,
    Microsoft.Extensions.Options.IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<EngineRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var inFlight = await maintenance.RecoverInFlightAsync(now, cancellationToken);
        if (inFlight > 0) logger.LogWarning("{Count} slots were being sent when the hub stopped: marked PossiblyDuplicated and queued again", inFlight);

        foreach (var warning in await warnings.ListActiveAsync(cancellationToken))
        {
            switch (warning.State)
            {
                case WarningState.Accepted:
                    await dispatcher.DispatchAsync(warning, cancellationToken);
                    break;
                case WarningState.Releasing:
                    await releaser.ReleaseAsync(warning.Id, resume: true, cancellationToken);
                    break;
                case WarningState.Released when warning.Expires is { } expires:
                    if (expires <= now) await lifecycle.ExpireAsync(warning.Id, cancellationToken);
                    else
                    {
                        await scheduler.ScheduleExpiryAsync(warning.Id, expires, cancellationToken);
                        if (options.Value.RepeatEvery.TryGetValue(warning.Level, out var every))
                            await scheduler.ScheduleRepeatsAsync(warning.Id, every, now + every, expires, cancellationToken);
                    }
                    break;
            }
        }

        var shards = await maintenance.UnfinishedShardsAsync(cancellationToken);
        foreach (var shard in shards) queue.Enqueue(shard);
        if (shards.Count > 0) logger.LogInformation("Resumed {Count} unfinished shards from the ledger", shards.Count);

        var s = await quartz.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<ReceiptWindowJob>().WithIdentity("receipt-window", "maintenance").Build();
        var trigger = TriggerBuilder.Create().WithIdentity("receipt-window", "maintenance").StartNow()
            .WithSimpleSchedule(x => x.WithInterval(options.Value.ReceiptSweepInterval).RepeatForever()).Build();
        await s.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
