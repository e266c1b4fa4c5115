using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Cap;
using WarningHub.Core.Notices;
using WarningHub.Core.Planning;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Notices;
using WarningHub.Engine.Sending;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Acknowledgements;

/// <summary>
/// Makes a released warning's 叫应 calls: every officer who answers for its area gets a call by SMS (and a WeCom
/// mention where the officer's town has a robot), recorded with its deadline before the warning counts as
/// released, so a release resumed after a crash makes the same calls once (keys make it idempotent). Then the
/// first deadline is put on Quartz.
/// </summary>
public sealed class AcknowledgementCalls(
    IAcknowledgementStore store,
    NoticeOutbox outbox,
    AcknowledgementTexts texts,
    AcknowledgementScheduler scheduler,
    RegistryHolder registry,
    ChannelRouter router,
    IOptions<AcknowledgementOptions> options,
    TimeProvider time,
    ILogger<AcknowledgementCalls> logger,
    Core.Planning.Policy.ReleasePolicy? policy = null,
    AcknowledgementVoice? voice = null)
{
    /// <summary>Calls the officers of a warning that calls for 叫应; returns how many calls were made now.</summary>
    public async Task<int> StartAsync(WarningRecord warning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        if (Deadline(warning) is not { } deadline || !registry.IsLoaded) return 0;
        var county = registry.Current;
        var endpoints = registry.Endpoints;
        var villages = WarningPlanner.VillagesOf(WarningContent.TargetOf(warning), county);
        var now = time.GetUtcNow();
        var calls = ResponsibleOfficers.Called(villages, warning.Level!.Value, county, endpoints)
            .Select(c => new Acknowledgement(warning.Id, c.Officer.Id, c.Officer.Name, c.Officer.Phone, c.Tier, c.Regions, now, deadline))
            .ToList();
        if (calls.Count == 0) return 0;
        var robots = router.PlanChannels().RobotsByTown;
        var byVoice = voice?.Calls(warning) == true;
        var notices = new List<OfficerNotice>();
        foreach (var call in calls)
        {
            var key = Key(warning.Id, call.OfficerId, "call");
            var text = texts.Call(warning, call);
            notices.Add(new OfficerNotice(key, warning.Id, call.OfficerId, Channels.Sms, call.Phone, text));
            if (endpoints.FindOfficer(call.OfficerId) is { } officer && RobotOf(officer, robots) is { } robot)
                notices.Add(new OfficerNotice(key + ":wecom", warning.Id, call.OfficerId, Channels.WeCom, robot, text) { Mention = call.Phone });
            if (byVoice) notices.Add(AcknowledgementVoice.Notice(warning, call, attempt: 1));
        }

        var made = await store.StartAsync(calls, notices, now, cancellationToken);
        outbox.Wake();
        await scheduler.ScheduleAsync(warning.Id, now + deadline, cancellationToken);
        if (made > 0) logger.LogInformation("Warning {PublicId}: 叫应 calls to {Officers} officers, deadline {Deadline}", warning.PublicId, made, deadline);
        return made;
    }

    /// <summary>The deadline of a warning's calls, or null when it calls for none (level, event, Test).</summary>
    public TimeSpan? Deadline(WarningRecord warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var o = options.Value;
        if (warning.MsgType is not (CapMsgType.Alert or CapMsgType.Update)) return null;
        if (warning.CapStatus is not (CapStatus.Actual or CapStatus.Exercise) && !(warning.CapStatus == CapStatus.Test && o.CallOnTests)) return null;
        // The release policy may call officers for a level the settings do not, or keep them uncalled.
        return policy?.For(warning.Event, warning.Level).Acknowledge switch
        {
            false => null,
            true => warning.Level is null ? null : o.DeadlineOf(warning.Level, warning.Event),
            null => o.DeadlineFor(warning.Level, warning.Event),
        };
    }

    internal static string Key(long warningId, long officerId, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"ack:{warningId}:{officerId}:{what}");

    /// <summary>The robot (its town's code) of an officer's town, or of the county for the county's officers.</summary>
    internal static string? RobotOf(Officer officer, IReadOnlyDictionary<string, string> robots)
    {
        var code = DivisionCode.LevelOf(officer.RegionCode) == RegionLevel.Village ? DivisionCode.TownCodeOf(officer.RegionCode) : officer.RegionCode;
        return robots.TryGetValue(code, out var robot) ? robot : null;
    }
}
