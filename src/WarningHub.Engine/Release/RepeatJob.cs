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
    WarningRouting routing,
    ShardQueue queue,
    WarningLifecycle lifecycle,
    ILogger<RepeatJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var warningId = WarningScheduler.WarningIdOf(context);
        if (await lifecycle.EndIfOverAsync(warningId, cancellationToken)) return;
        var warning = await warnings.GetByIdAsync(warningId, cancellationToken);
        if (warning is not { State: WarningState.Released }) return;

        var round = await maintenance.LastRoundAsync(warningId, cancellationToken) + 1;
        // The same channels and area as the first round: the release policy, the CAP's ChannelsOff, a drill.
        var plan = await routing.RepeatPlanAsync(warning, round, cancellationToken);
        if (plan.Channels.Count == 0) return;
        var shards = await ledger.PersistPlanAsync(plan, shard =>
        {
            queue.Enqueue(shard);
            return ValueTask.CompletedTask;
        }, cancellationToken);
        logger.LogInformation("Warning {PublicId}: repeat {Round} of the broadcast, {Slots} terminals", warning.PublicId, round, shards.Sum(s => s.Count));
    }
}
