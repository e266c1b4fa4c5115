using System.Globalization;
using Microsoft.Extensions.Logging;
using WarningHub.Core.Notices;
using WarningHub.Core.Planning;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Acknowledgements;
using WarningHub.Engine.Notices;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Reach;

/// <summary>
/// At the release of a warning whose policy rule says door to door, each door-to-door cadre of its villages
/// (<see cref="DoorToDoorCadres"/>) gets an SMS with the signed link to their page of unreached households (入户通知).
/// Notices are keyed per warning, cadre and village, so a resumed release sends none twice.
/// </summary>
public sealed class DoorToDoorNotices(DoorToDoorCadres cadres, DoorLinks links, AcknowledgementTexts texts, NoticeOutbox outbox,
    RegistryHolder registry, ILogger<DoorToDoorNotices> logger)
{
    /// <summary>Queues the notices; returns how many were new.</summary>
    /// <param name="warning">The warning being released.</param>
    /// <param name="cancellationToken">Ends the wait for the store.</param>
    public async Task<int> SendAsync(WarningRecord warning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        if (!registry.IsLoaded) return 0;
        var notices = new List<OfficerNotice>();
        foreach (var village in WarningPlanner.VillagesOf(WarningContent.TargetOf(warning), registry.Current))
        {
            foreach (var cadre in cadres.Of(village))
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"door:{warning.Id}:{cadre.Id}:{village}");
                var text = texts.DoorToDoor(warning, links.UrlOf(warning.PublicId, village, cadre.Id));
                notices.Add(new OfficerNotice(key, warning.Id, cadre.Id, Channels.Sms, cadre.Phone, text));
            }
        }
        if (notices.Count == 0) return 0;
        var queued = await outbox.EnqueueAsync(notices, cancellationToken);
        logger.LogInformation("Warning {PublicId}: door-to-door links to {Cadres} cadres", warning.PublicId, queued);
        return queued;
    }
}
