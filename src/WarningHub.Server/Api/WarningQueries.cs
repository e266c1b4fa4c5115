using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WarningHub.Abstractions;
using Microsoft.Extensions.Options;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Approval;
using WarningHub.Core.Ledger;
using WarningHub.Core.Reach;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Approval;
using WarningHub.Engine.Health;
using WarningHub.Engine.Reach;
using WarningHub.Engine.Sending;
using WarningHub.Engine.Shared;
using WarningHub.Server.Security;
using SmsChannel = WarningHub.Core.Planning.Channels;

namespace WarningHub.Server.Api;

/// <summary>GET /api/v1/warnings/{id} and /reach, for the agency that submitted the warning.</summary>
internal static class WarningQueries
{
    public static async Task<Results<Ok<WarningStatusResponse>, ProblemHttpResult>> GetAsync(string id, ClaimsPrincipal user,
        IAuthorizationService authorization, IWarningStore warnings, ILedgerMaintenance ledger, ChannelRouter router, EngineHealth health,
        IApprovalStore approvals, IOptions<ApprovalOptions> approvalOptions, CancellationToken cancellationToken)
    {
        if (await ReadableAsync(id, user, authorization, warnings, cancellationToken) is not { } w) return NotFound(id);
        // Every channel the hub serves is listed (zeros before planning), and any channel the ledger has slots on.
        var channels = new Dictionary<string, ChannelCounts>();
        var waiting = new List<GatewayWait>();
        foreach (var channel in router.Channels.Union(await ledger.ChannelsOfAsync(w.Id, cancellationToken)).Order(StringComparer.Ordinal))
        {
            var counts = await ledger.CountAsync(w.Id, channel, cancellationToken);
            channels[channel] = ChannelCounts.Of(counts);
            if (router.RoutedAdaptersFor(channel).Count > 1)
            {
                channels[channel] = channels[channel] with
                {
                    Gateways = (await ledger.CountByGatewayAsync(w.Id, channel, cancellationToken))
                        .ToDictionary(g => g.Key, g => ChannelCounts.Of(g.Value), StringComparer.Ordinal),
                };
            }
            if (counts.Total == counts.Final) continue;
            // Guarantee 9 made visible: slots that no gateway can take now wait, and say for what.
            foreach (var (gateway, down) in health.DownFor(channel)) waiting.Add(GatewayWait.Of(channel, gateway, down));
        }
        return TypedResults.Ok(new WarningStatusResponse(w.PublicId, w.Sender, w.Identifier, w.CapStatus.ToString(), w.MsgType.ToString(),
            w.Event, w.Level?.ToString() ?? "", w.Headline, w.State.ToString(), w.Sent, w.Effective, w.Expires, w.ReceivedAt, w.ReleasedAt,
            w.EndedAt, w.Failure, waiting, w.References, channels,
            ApprovalJson.Of(w, await approvals.DecisionsAsync(w.Id, cancellationToken), approvalOptions.Value.Deadline)));
    }

    public static async Task<Results<Ok<ReachResponse>, ProblemHttpResult>> ReachAsync(string id, ClaimsPrincipal user,
        IAuthorizationService authorization, IWarningStore warnings, IReachQuery reach, RegistryHolder registry,
        IBroadcastConfirmations confirmations, IEnumerable<ITerminalMonitor> monitors, WarningReach households, IAcknowledgementStore acknowledgements,
        CancellationToken cancellationToken)
    {
        if (await ReadableAsync(id, user, authorization, warnings, cancellationToken) is not { } w) return NotFound(id);
        if (!registry.IsLoaded) return Problems.Of(StatusCodes.Status503ServiceUnavailable, "No registry loaded");
        // One read of the SMS and WeChat slots gives both the evidence per person and those channels' slot counts.
        var evidence = await households.EvidenceAsync(w, null, cancellationToken);
        var counted = new HashSet<string>(StringComparer.Ordinal) { SmsChannel.Sms, SmsChannel.WeChat };
        var counts = (await reach.VillageCountsAsync(w.Id, counted, cancellationToken))
            .Concat(evidence.Sms.FirstRoundCounts ?? []).Concat(evidence.WeChat.FirstRoundCounts ?? []).ToList();
        var report = ReachReportBuilder.Build(w.PublicId, await reach.TargetsAsync(w.Id, cancellationToken), counts, registry.Current);
        // Terminals as their adapters see them now: one that is offline or faulty needs a visit whatever the ledger says.
        var monitorList = monitors.ToList();
        var offline = OfflineTerminals.Count(registry.Endpoints, w.IsForTestRecipientsOnly, (channel, address) =>
            monitorList.Where(m => m.Definition.Channel == channel).Select(m => m.StatusOf(address)).FirstOrDefault(s => s is not null));
        var calls = await acknowledgements.OfWarningAsync(w.Id, cancellationToken);
        return TypedResults.Ok(ReachJson.Of(report, w, await confirmations.OfWarningAsync(w.Id, cancellationToken), offline,
            HouseholdReachBuilder.Build(evidence), AcknowledgementReach.ByRegion(calls, registry.Current)) with
        { Acknowledgements = AcknowledgementSummary.Of(calls) });
    }

    /// <summary>
    /// The warning when the caller may read it (<see cref="HubPolicies.ReadWarning"/>). Another agency's warning is
    /// treated as missing, so an id says nothing about warnings the caller did not submit.
    /// </summary>
    public static async Task<WarningRecord?> ReadableAsync(string id, ClaimsPrincipal user, IAuthorizationService authorization,
        IWarningStore warnings, CancellationToken cancellationToken)
    {
        var warning = await warnings.GetAsync(id, cancellationToken);
        return warning is not null && await MayReadAsync(user, warning, authorization) ? warning : null;
    }

    public static async Task<bool> MayReadAsync(ClaimsPrincipal user, WarningRecord warning, IAuthorizationService authorization) =>
        (await authorization.AuthorizeAsync(user, warning, HubPolicies.ReadWarning)).Succeeded;

    private static ProblemHttpResult NotFound(string id) => Problems.Of(StatusCodes.Status404NotFound, "No such warning", detail: $"No warning has the id '{id}'.");
}
