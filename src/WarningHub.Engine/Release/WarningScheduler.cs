using System.Globalization;
using Quartz;

namespace WarningHub.Engine.Release;

/// <summary>
/// Time on Quartz: release at <c>effective</c> (at once when already past) and expiry at <c>expires</c>.
/// The RAM store is rebuilt from the warning store at start-up, so a restart loses no trigger.
/// </summary>
public sealed class WarningScheduler(ISchedulerFactory factory)
{
    internal const string WarningIdKey = "warningId";

    public Task ScheduleReleaseAsync(long warningId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ScheduleAsync<ReleaseJob>("release", warningId, at, cancellationToken);

    public Task ScheduleExpiryAsync(long warningId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ScheduleAsync<ExpireJob>("expire", warningId, at, cancellationToken);

    /// <summary>Repeats the broadcast every <paramref name="every"/> from one interval after now until <paramref name="until"/>.</summary>
    public async Task ScheduleRepeatsAsync(long warningId, TimeSpan every, DateTimeOffset first, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var name = warningId.ToString(CultureInfo.InvariantCulture);
        var job = JobBuilder.Create<RepeatJob>().WithIdentity(name, "repeat").UsingJobData(WarningIdKey, name).Build();
        var trigger = TriggerBuilder.Create().WithIdentity(name, "repeat").StartAt(first).EndAt(until)
            .WithSimpleSchedule(x => x.WithInterval(every).RepeatForever()).Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    /// <summary>Removes every trigger of a warning (its repeats, a pending release): it has ended.</summary>
    public async Task UnscheduleAsync(long warningId, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var name = warningId.ToString(CultureInfo.InvariantCulture);
        foreach (var group in new[] { "release", "repeat" }) await scheduler.DeleteJob(new JobKey(name, group), cancellationToken);
    }

    private async Task ScheduleAsync<TJob>(string group, long warningId, DateTimeOffset at, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var name = warningId.ToString(CultureInfo.InvariantCulture);
        var job = JobBuilder.Create<TJob>()
            .WithIdentity(name, group)
            .UsingJobData(WarningIdKey, name)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(name, group)
            .StartAt(at)
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    internal static long WarningIdOf(IJobExecutionContext context) =>
        long.Parse(context.MergedJobDataMap.GetString(WarningIdKey)!, CultureInfo.InvariantCulture);
}
