using System.Globalization;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Cap;
using WarningHub.Core.Notices;
using WarningHub.Core.Planning;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Acknowledgements;
using WarningHub.Engine.Sending;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Notices;

/// <summary>
/// A Cancel's all-clear (解除) to the officers of the warnings it ends: every officer called for 叫应, and every cadre
/// a door-to-door link was sent to (or may have left for), gets the Cancel's SMS text, plus a WeCom mention where
/// their town has a robot. They live in the notice table, not in ledger slots, so the follow-up that tells the
/// public never finds them. Queued durably in the same outbox as their calls, under keys of the Cancel: a release
/// resumed after a crash queues nothing twice.
/// </summary>
public sealed class OfficerAllClear(
    IWarningStore warnings,
    IAcknowledgementStore acknowledgements,
    INoticeStore notices,
    NoticeOutbox outbox,
    WarningContent content,
    RegistryHolder registry,
    ChannelRouter router,
    ILogger<OfficerAllClear> logger)
{
    /// <summary>Queues the all-clear of a Cancel to the officers of the warnings it references; returns how many notices were new.</summary>
    public async Task<int> QueueAsync(WarningRecord cancel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cancel);
        if (cancel.MsgType != CapMsgType.Cancel) return 0;
        var officers = new SortedDictionary<long, string>();
        foreach (var publicId in cancel.References)
        {
            if (await warnings.GetAsync(publicId, cancellationToken) is not { } earlier) continue;
            foreach (var call in await acknowledgements.OfWarningAsync(earlier.Id, cancellationToken)) officers.TryAdd(call.OfficerId, call.Phone);
            var doorPrefix = string.Create(CultureInfo.InvariantCulture, $"door:{earlier.Id}:");
            foreach (var door in await notices.OfWarningAsync(earlier.Id, doorPrefix, cancellationToken))
            {
                // A link still waiting for its time was never sent (the Cancel stops it): that cadre has nothing to take back.
                if (door.Notice.Channel == Channels.Sms && (door.State is DeliveryStatus.Sending or DeliveryStatus.Sent or DeliveryStatus.Delivered || door.PossiblyDuplicated))
                    officers.TryAdd(door.Notice.OfficerId, door.Notice.Address);
            }
        }

        if (officers.Count == 0) return 0;
        var sms = content.TextFor(cancel, Channels.Sms);
        var robots = router.PlanChannels().RobotsByTown;
        var endpoints = registry.Endpoints;
        var queued = new List<OfficerNotice>();
        foreach (var (officerId, phone) in officers)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"allclear:{cancel.Id}:{officerId}");
            queued.Add(new OfficerNotice(key, cancel.Id, officerId, Channels.Sms, phone, sms));
            if (endpoints.FindOfficer(officerId) is { } officer && AcknowledgementCalls.RobotOf(officer, robots) is { } robot)
                queued.Add(new OfficerNotice(key + ":wecom", cancel.Id, officerId, Channels.WeCom, robot, content.TextFor(cancel, Channels.WeCom)) { Mention = phone });
        }

        var added = await outbox.EnqueueAsync(queued, cancellationToken);
        if (added > 0) logger.LogInformation("Warning {PublicId}: all-clear to {Officers} officers called or sent door-to-door links", cancel.PublicId, officers.Count);
        return added;
    }
}
