using Quartz;

namespace WarningHub.Engine.Release;

/// <summary>Fires at a warning's effective time.</summary>
public sealed class ReleaseJob(WarningReleaser releaser) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await releaser.ReleaseAsync(WarningScheduler.WarningIdOf(context), resume: false, cancellationToken);
    }
}

/// <summary>Fires at a warning's expiry.</summary>
public sealed class ExpireJob(WarningLifecycle lifecycle) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await lifecycle.ExpireAsync(WarningScheduler.WarningIdOf(context), cancellationToken);
    }
}
