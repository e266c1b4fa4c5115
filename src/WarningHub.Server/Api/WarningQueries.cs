using Microsoft.AspNetCore.Http;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;
using WarningHub.Core.Reach;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Health;
using WarningHub.Engine.Shared;

namespace WarningHub.Server.Api;

/// <summary>GET /api/v1/warnings/{id} and /reach.</summary>
internal static class WarningQueries
{
    public static async Task<IResult> GetAsync(string id, IWarningStore warnings, ILedgerMaintenance ledger, WarningHub.Engine.Sending.ChannelRouter router,
        EngineHealth health, CancellationToken cancellationToken)
    {
        var w = await warnings.GetAsync(id, cancellationToken);
        if (w is null) return NotFound(id);
        // Every channel the hub serves is listed (zeros before planning), and any channel the ledger has slots on.
        var channels = new Dictionary<string, object>();
        var waiting = new List<object>();
        foreach (var channel in router.Channels.Union(await ledger.ChannelsOfAsync(w.Id, cancellationToken)).Order(StringComparer.Ordinal))
        {
            var counts = await ledger.CountAsync(w.Id, channel, cancellationToken);
            channels[channel] = ChannelJson.Of(counts);
            if (counts.Total == counts.Final) continue;
            // Guarantee 9 made visible: slots that no gateway can take now wait, and say for what.
            foreach (var (gateway, down) in health.DownFor(channel))
                waiting.Add(new { channel, gateway, problem = down.Problem, since = down.Since, text = $"waiting for gateway {gateway} since {down.Since:u}" });
        }
        return Results.Ok(new
        {
            id = w.PublicId,
            sender = w.Sender,
            identifier = w.Identifier,
            status = w.CapStatus.ToString(),
            msgType = w.MsgType.ToString(),
            @event = w.Event,
            level = w.Level?.ToString() ?? "",
            headline = w.Headline,
            state = w.State.ToString(),
            sent = w.Sent,
            effective = w.Effective,
            expires = w.Expires,
            receivedAt = w.ReceivedAt,
            releasedAt = w.ReleasedAt,
            endedAt = w.EndedAt,
            failure = w.Failure,
            waiting,
            references = w.References,
            channels,
        });
    }

    public static async Task<IResult> ReachAsync(string id, IWarningStore warnings, IReachQuery reach, RegistryHolder registry,
        IBroadcastConfirmations confirmations, IEnumerable<ITerminalMonitor> monitors, CancellationToken cancellationToken)
    {
        var w = await warnings.GetAsync(id, cancellationToken);
        if (w is null) return NotFound(id);
        if (!registry.IsLoaded) return Problems.Of(StatusCodes.Status503ServiceUnavailable, "No registry loaded");
        var report = ReachReportBuilder.Build(w.PublicId, await reach.TargetsAsync(w.Id, cancellationToken),
            await reach.VillageCountsAsync(w.Id, cancellationToken), registry.Current);
        // Terminals as their adapters see them now: one that is offline or faulty needs a visit whatever the ledger says.
        var monitorList = monitors.ToList();
        var offline = OfflineTerminals.Count(registry.Endpoints, w.IsForTestRecipientsOnly, (channel, address) =>
            monitorList.Where(m => m.Definition.Channel == channel).Select(m => m.StatusOf(address)).FirstOrDefault(s => s is not null));
        return Results.Ok(ReachJson.Of(report, w, await confirmations.OfWarningAsync(w.Id, cancellationToken), offline));
    }

    private static IResult NotFound(string id) => Problems.Of(StatusCodes.Status404NotFound, "No such warning", detail: $"No warning has the id '{id}'.");
}

/// <summary>The per-channel counts every report and the demo share.</summary>
public static class ChannelJson
{
    public static Dictionary<string, int> Of(SlotCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new()
        {
            ["planned"] = counts.Total,
            ["sent"] = counts.Sent,
            ["delivered"] = counts[DeliveryStatus.Delivered],
            ["failed"] = counts[DeliveryStatus.Failed] + counts[DeliveryStatus.Expired] + counts[DeliveryStatus.Cancelled],
            ["unconfirmed"] = counts[DeliveryStatus.Unconfirmed],
            ["awaitingReceipt"] = counts[DeliveryStatus.Sent],
            ["pending"] = counts.Total - counts.Final,
            ["possiblyDuplicated"] = counts.PossiblyDuplicated,
        };
    }
}
