using Quartz;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Release;

/// <summary>Fires at a warning's effective time: the outbox releases it (and would on its next sweep anyway).</summary>
public sealed class ReleaseJob(ReleaseOutbox outbox) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        outbox.Notify(WarningScheduler.WarningIdOf(context));
        return ValueTask.CompletedTask;
    }
}

/// <summary>Fires at a warning's expiry.</summary>
public sealed class ExpireJob(WarningLifecycle lifecycle, WarningScheduler scheduler) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var warningId = WarningScheduler.WarningIdOf(context);
        await lifecycle.ExpireAsync(warningId, cancellationToken);
        await scheduler.UnscheduleAsync(warningId, cancellationToken);
    }
}
