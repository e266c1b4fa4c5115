using System.Globalization;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;
using WarningHub.Core.Warnings;

namespace WarningHub.Server.Api;

/// <summary>The 202 answer to POST /api/v1/warnings.</summary>
/// <param name="Id">The hub's id of the warning (also in the Location header).</param>
/// <param name="Duplicate">True when the same (sender, identifier) and content had been accepted before: same id.</param>
/// <param name="Status">CAP status: Actual, Exercise, System, Test, Draft.</param>
/// <param name="MsgType">CAP msgType: Alert, Update, Cancel, …</param>
/// <param name="State">PendingApproval when approvers must release it first; Accepted when it goes to release by itself.</param>
/// <param name="ApproversRequired">Distinct approvers it needs (0: none).</param>
public sealed record SubmitResponse(string Id, bool Duplicate, string Status, string MsgType, string State, int ApproversRequired)
{
    public static SubmitResponse Of(WarningRecord warning, bool duplicate)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return new SubmitResponse(warning.PublicId, duplicate, warning.CapStatus.ToString(), warning.MsgType.ToString(), warning.State.ToString(),
            warning.ApproversRequired);
    }
}

/// <summary>GET /api/v1/warnings/{id}: the warning's state and, per ledger channel, its slot counts.</summary>
/// <param name="Failure">Why the release failed, when <paramref name="State"/> is Failed.</param>
/// <param name="Waiting">Gateways that are down while this warning's slots wait for them.</param>
/// <param name="Approval">Approvers required and their decisions (required 0: released without approval).</param>
public sealed record WarningStatusResponse(
    string Id, string Sender, string Identifier, string Status, string MsgType, string Event, string Level, string Headline,
    string State, DateTimeOffset Sent, DateTimeOffset Effective, DateTimeOffset? Expires, DateTimeOffset ReceivedAt,
    DateTimeOffset? ReleasedAt, DateTimeOffset? EndedAt, string? Failure, IReadOnlyList<GatewayWait> Waiting,
    IReadOnlyList<string> References, IReadOnlyDictionary<string, ChannelCounts> Channels, ApprovalJson Approval);

/// <summary>A channel's slots wait for a gateway that is down (guarantee 9: an outage costs no attempt, and shows).</summary>
public sealed record GatewayWait(string Channel, string Gateway, string? Problem, DateTimeOffset Since, string Text)
{
    public static GatewayWait Of(string channel, string gateway, GatewayHealth down)
    {
        ArgumentNullException.ThrowIfNull(down);
        return new GatewayWait(channel, gateway, down.Problem, down.Since,
            string.Create(CultureInfo.InvariantCulture, $"waiting for gateway {gateway} since {down.Since:u}"));
    }
}

/// <summary>One channel's slots, counted the way every report and the demo count them.</summary>
/// <param name="Planned">Every slot.</param>
/// <param name="Failed">Failed, expired and cancelled.</param>
/// <param name="AwaitingReceipt">Sent, no receipt yet.</param>
/// <param name="Pending">Not final yet.</param>
public sealed record ChannelCounts(int Planned, int Sent, int Delivered, int Failed, int Unconfirmed, int AwaitingReceipt,
    int Pending, int PossiblyDuplicated)
{
    public static ChannelCounts Of(SlotCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new ChannelCounts(
            Planned: counts.Total,
            Sent: counts.Sent,
            Delivered: counts[DeliveryStatus.Delivered],
            Failed: counts[DeliveryStatus.Failed] + counts[DeliveryStatus.Expired] + counts[DeliveryStatus.Cancelled],
            Unconfirmed: counts[DeliveryStatus.Unconfirmed],
            AwaitingReceipt: counts[DeliveryStatus.Sent],
            Pending: counts.Total - counts.Final,
            PossiblyDuplicated: counts.PossiblyDuplicated);
    }

    /// <summary>
    /// Where a channel has several gateways: the same counts per gateway that last took each slot (all rounds), so an
    /// operator sees which line carries the warning and which failed over. Null (left out) with one gateway.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, ChannelCounts>? Gateways { get; init; }
}
