using System.Globalization;
using Quartz;

namespace WarningHub.Engine.Release;

/// <summary>
/// Time on Quartz: release at <c>effective</c> (at once when already past) and expiry at <c>expires</c>.
/// The RAM store is rebuilt from the warning store at start-up, so a restart loses no trigger.
/// Every trigger is built on the scheduler's own clock (the container's <see cref="TimeProvider"/>): a trigger built
/// without one reads the system clock for its misfire handling, so on any other clock a late repeat computed its next
/// time from the wrong "now" and the trigger ended early.
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
        // A repeat that is late by more than the store's misfire threshold (5 s: a busy machine, a paused process)
        // plays at once and the next follows one interval later. Quartz's default for a repeating trigger would skip
        // it and wait for the next interval, leaving villages without the red warning's bulletin for 15 minutes.
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider).WithIdentity(name, "repeat").StartAt(first).EndAt(until)
            .WithSimpleSchedule(x => x.WithInterval(every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)).Build();
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
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(name, group)
            .StartAt(at)
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    internal static long WarningIdOf(IJobExecutionContext context) =>
        long.Parse(context.MergedJobDataMap.GetString(WarningIdKey)!, CultureInfo.InvariantCulture);
}
