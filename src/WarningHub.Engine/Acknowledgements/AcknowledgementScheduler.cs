using System.Globalization;
using Quartz;

namespace WarningHub.Engine.Acknowledgements;

/// <summary>
/// 叫应 deadlines on Quartz: one trigger per warning, at its earliest silent call's next deadline. The RAM store is
/// rebuilt from the ledger's <c>ack</c> rows at start-up (<see cref="AcknowledgementRecovery"/>).
/// </summary>
public sealed class AcknowledgementScheduler(ISchedulerFactory factory)
{
    internal const string Group = "ack-deadline";
    private const string WarningIdKey = "warningId";

    public async Task ScheduleAsync(long warningId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var name = warningId.ToString(CultureInfo.InvariantCulture);
        var job = JobBuilder.Create<AcknowledgementDeadlineJob>().WithIdentity(name, Group).UsingJobData(WarningIdKey, name).Build();
        // A one-shot trigger whose time passed while the hub was down fires as soon as Quartz starts (its misfire rule).
        var trigger = TriggerBuilder.Create().WithIdentity(name, Group).StartAt(at).Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public async Task UnscheduleAsync(long warningId, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(new JobKey(warningId.ToString(CultureInfo.InvariantCulture), Group), cancellationToken);
    }

    internal static long WarningIdOf(IJobExecutionContext context) =>
        long.Parse(context.MergedJobDataMap.GetString(WarningIdKey)!, CultureInfo.InvariantCulture);
}
