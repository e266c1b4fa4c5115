using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Core.Cap;
using WarningHub.Core.Notices;
using WarningHub.Core.Planning;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Acknowledgements;
using WarningHub.Engine.Notices;
using WarningHub.Engine.Sending;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Reach;

/// <summary>
/// Door-to-door links (入户通知) sent some minutes after release (<see cref="DoorToDoorOptions"/>): each cadre who goes
/// door to door in a targeted village (<see cref="DoorToDoorCadres.Of"/>), and each 包户干部 with a targeted household
/// of their own, gets an SMS with the headline and their signed list (<see cref="DoorLinks"/>), plus a WeCom mention
/// where their town has a robot. The notices are queued durably at release with a not-before time, so a restart in
/// between sends them once, when due; the outbox sends none for a warning that has ended (a Cancel, an Update, expiry).
/// </summary>
public sealed class DoorToDoorNotices(
    NoticeOutbox outbox,
    DoorToDoorCadres cadres,
    DoorLinks links,
    WarningContent content,
    RegistryHolder registry,
    ChannelRouter router,
    IOptions<DoorToDoorOptions> options,
    TimeProvider time,
    ILogger<DoorToDoorNotices> logger)
{
    /// <summary>
    /// Queues the door-to-door links of a released warning, due its delay from now; returns how many notices were new
    /// (a release resumed after a crash queues nothing twice: the keys are the same).
    /// </summary>
    /// <param name="warning">The warning being released.</param>
    /// <param name="policy">The release policy's word for the warning (its rule's <c>doorToDoor</c>); null: the settings decide.</param>
    /// <param name="cancellationToken">Stops the queueing; nothing is queued unless the whole batch commits.</param>
    public async Task<int> ScheduleAsync(WarningRecord warning, bool? policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        if (DelayOf(warning, options.Value, policy) is not { } delay || !registry.IsLoaded) return 0;
        var due = time.GetUtcNow() + delay;
        var notices = NoticesOf(warning, due);
        if (notices.Count == 0) return 0;
        var added = await outbox.EnqueueAsync(notices, cancellationToken);
        if (added > 0)
            logger.LogInformation("Warning {PublicId}: {Count} door-to-door notice(s) due {Due:O}", warning.PublicId, added, due);
        return added;
    }

    /// <summary>How long after release the links go, or null when the warning sends none (level, event, message type, Test).</summary>
    /// <param name="warning">The warning.</param>
    public TimeSpan? DelayOf(WarningRecord warning) => DelayOf(warning, options.Value, policy: null);

    /// <summary>
    /// How long after release a warning's links go under <paramref name="options"/>: Alerts and Updates, Actual and
    /// Exercise (a drill rehearses the visits too), a Test only with <see cref="DoorToDoorOptions.SendOnTests"/>; null for none.
    /// </summary>
    /// <param name="warning">The warning.</param>
    /// <param name="options">The door-to-door settings.</param>
    /// <param name="policy">
    /// The release policy's rule: false sends none; true sends them at the level's delay even for a level the settings
    /// leave out (the event's delay, else the level's, else 20 minutes); null: the settings' levels decide.
    /// </param>
    public static TimeSpan? DelayOf(WarningRecord warning, DoorToDoorOptions options, bool? policy = null)
    {
        ArgumentNullException.ThrowIfNull(warning);
        ArgumentNullException.ThrowIfNull(options);
        if (policy == false) return null;
        if (warning.MsgType is not (CapMsgType.Alert or CapMsgType.Update)) return null;
        if (warning.CapStatus is not (CapStatus.Actual or CapStatus.Exercise) && !(warning.CapStatus == CapStatus.Test && options.SendOnTests)) return null;
        return policy == true ? options.DelayOf(warning.Level, warning.Event) : options.DelayFor(warning.Level, warning.Event);
    }

    /// <summary>The key of a cadre's link notice for one village.</summary>
    internal static string Key(long warningId, string villageCode, long officerId) =>
        string.Create(CultureInfo.InvariantCulture, $"door:{warningId}:{villageCode}:{officerId}");

    /// <summary>
    /// One notice per cadre and village the warning targets persons in (for a drill, its test recipients): the village's
    /// cadres who list every household, and the 包户干部 who hold a targeted household.
    /// </summary>
    private List<OfficerNotice> NoticesOf(WarningRecord warning, DateTimeOffset due)
    {
        var county = registry.Current;
        var selected = WarningPlanner.SelectPersons(WarningContent.TargetOf(warning), county);
        var robots = router.PlanChannels().RobotsByTown;
        var notices = new List<OfficerNotice>();
        foreach (var village in county.Villages)
        {
            var households = TargetedHouseholds(county, village.Code, selected);
            if (households.Count == 0) continue;
            foreach (var cadre in cadres.Of(village.Code))
            {
                if (cadres.HouseholdsOf(cadre, village.Code) is { } own && !households.Any(own)) continue;
                var key = Key(warning.Id, village.Code, cadre.Id);
                var text = content.DoorToDoorText(warning, village.Name, links.UrlOf(warning.PublicId, village.Code, cadre.Id));
                notices.Add(new OfficerNotice(key, warning.Id, cadre.Id, Channels.Sms, cadre.Phone, text) { NotBefore = due });
                if (AcknowledgementCalls.RobotOf(cadre, robots) is { } robot)
                    notices.Add(new OfficerNotice(key + ":wecom", warning.Id, cadre.Id, Channels.WeCom, robot, text) { Mention = cadre.Phone, NotBefore = due });
            }
        }

        return notices;
    }

    private static List<Household> TargetedHouseholds(CountyRegistry county, string villageCode, bool[] selected)
    {
        var ids = new HashSet<long>();
        foreach (var index in county.PersonsInVillage(villageCode).Indexes)
        {
            if (selected[index]) ids.Add(county.Persons[index].HouseholdId);
        }

        return ids.Select(county.FindHousehold).OfType<Household>().ToList();
    }
}
