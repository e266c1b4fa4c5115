using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using WarningHub.Core.Ledger;
using WarningHub.Core.Planning;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Sending;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Release;

/// <summary>
/// One repeat of a warning's loudspeaker bulletin: the loudspeaker slots are planned again as a new round (its play
/// confirmations are recorded apart) and queued. Nothing happens once the warning has ended.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RepeatJob(
    IWarningStore warnings,
    ILedger ledger,
    ILedgerMaintenance maintenance,
    RegistryHolder registry,
    ChannelRouter router,
    ShardQueue queue,
    WarningLifecycle lifecycle,
    IOptions<EngineOptions> options,
    ILogger<RepeatJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var warningId = WarningScheduler.WarningIdOf(context);
        if (await lifecycle.EndIfOverAsync(warningId, cancellationToken)) return;
        var warning = await warnings.GetByIdAsync(warningId, cancellationToken);
        if (warning is not { State: WarningState.Released }) return;

        var repeatable = options.Value.RepeatChannels.ToHashSet(StringComparer.Ordinal);
        var served = router.PlanChannels();
        var channels = served with { Served = served.Served.Where(repeatable.Contains).ToHashSet(StringComparer.Ordinal) };
        if (channels.Served.Count == 0) return;
        var round = await maintenance.LastRoundAsync(warningId, cancellationToken) + 1;
        var plan = WarningPlanner.Plan(warningId, WarningContent.TargetOf(warning), registry.Current, registry.Endpoints, channels, options.Value.ShardSize);
        plan = plan with { Channels = plan.Channels.Where(c => repeatable.Contains(c.Channel)).Select(c => c with { Round = round }).ToList(), Targets = [] };
        var shards = await ledger.PersistPlanAsync(plan, shard =>
        {
            queue.Enqueue(shard);
            return ValueTask.CompletedTask;
        }, cancellationToken);
        logger.LogInformation("Warning {PublicId}: repeat {Round} of the broadcast, {Slots} terminals", warning.PublicId, round, shards.Sum(s => s.Count));
    }
}
