using Quartz;

namespace WarningHub.Engine.Acknowledgements;

/// <summary>A warning's 叫应 deadline came: escalate its silent calls and schedule the next deadline.</summary>
[DisallowConcurrentExecution]
public sealed class AcknowledgementDeadlineJob(AcknowledgementEscalation escalation, AcknowledgementScheduler scheduler) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var warningId = AcknowledgementScheduler.WarningIdOf(context);
        var next = await escalation.RunAsync(warningId, cancellationToken);
        if (next is { } at) await scheduler.ScheduleAsync(warningId, at, cancellationToken);
    }
}
