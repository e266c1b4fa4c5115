using System.Text.Json.Serialization;
using WarningHub.Core.Reach;

namespace WarningHub.Server.Api;

/// <summary>GET /api/v1/warnings/{id}/reach.</summary>
/// <param name="Channels">Per ledger channel, the county's total in that channel's own unit.</param>
public sealed record ReachResponse(string WarningId, string Status, string State, ReachRowJson County, IReadOnlyList<ReachRowJson> Towns,
    IReadOnlyList<VillageReach> Villages, IReadOnlyDictionary<string, ChannelReach> Channels);

/// <summary>Persons of one region: targeted, without a phone, sent, delivered, failed, pending, unreached.</summary>
/// <param name="Level">county, town or village.</param>
public record ReachRowJson(string Code, string Name, string Level, string? Parent, int Targeted, int WithoutPhone, int Sent,
    int Delivered, int Failed, int Pending, int Unreached)
{
    public static ReachRowJson Of(ReachRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ReachRowJson(r.Code, r.Name, r.Level.ToString().ToLowerInvariant(), r.ParentCode, r.Persons.Targeted,
            r.Persons.WithoutAddress, r.Persons.Sent, r.Persons.Delivered, r.Persons.Failed, r.Persons.Pending, r.Persons.Unreached);
    }
}

/// <summary>A village: its persons, the rounds its broadcaster confirmed (0 = first broadcast) and its other channels.</summary>
public sealed record VillageReach : ReachRowJson
{
    public VillageReach(ReachRowJson row, IReadOnlyList<int> broadcastConfirmedRounds, IReadOnlyDictionary<string, VillageChannelReach> channels)
        : base(row)
    {
        BroadcastConfirmedRounds = broadcastConfirmedRounds;
        Channels = channels;
    }

    public IReadOnlyList<int> BroadcastConfirmedRounds { get; init; }

    public IReadOnlyDictionary<string, VillageChannelReach> Channels { get; init; }
}

/// <summary>A channel's county total; <c>offline</c> for loudspeakers only.</summary>
public sealed record ChannelReach : ReachRowJson
{
    public ChannelReach(ReachRowJson row, int? offline) : base(row) => Offline = offline;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Offline { get; init; }
}

/// <summary>One village's count in a channel's own unit (terminals, followers); <c>offline</c> for loudspeakers only.</summary>
public sealed record VillageChannelReach(int Targeted, int Delivered, int Failed, int Pending,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Offline);
