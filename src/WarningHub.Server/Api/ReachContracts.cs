using System.Text.Json.Serialization;
using WarningHub.Core.Reach;

namespace WarningHub.Server.Api;

/// <summary>GET /api/v1/warnings/{id}/reach.</summary>
/// <param name="Channels">Per ledger channel, the county's total in that channel's own unit.</param>
public sealed record ReachResponse(string WarningId, string Status, string State, ReachRowJson County, IReadOnlyList<ReachRowJson> Towns,
    IReadOnlyList<VillageReach> Villages, IReadOnlyDictionary<string, ChannelReach> Channels)
{
    /// <summary>What counted as reach (guarantee 11): never a send, only receipts, plays, confirmations and marks.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = ReachEvidenceNames.All;

    /// <summary>The 叫应 board's summary: officers called, answered, silent, escalated, median answer time.</summary>
    public AcknowledgementSummary? Acknowledgements { get; init; }
}

/// <summary>The kinds of evidence the household-and-person counts take.</summary>
public static class ReachEvidenceNames
{
    public static IReadOnlyList<string> All { get; } =
    [
        "sms: a delivery receipt for an SMS to the person's own phone (every round; a shared phone reaches each holder)",
        "household: a WeChat delivery to a follower bound to the person's household",
        "officer: a cadre's mark on the household (told in person, told by phone, evacuated, refuses to move)",
        "village: a loudspeaker's play report or the broadcaster's confirmation",
    ];
}

/// <summary>Targeted and reached villages (到村) or households (到户).</summary>
public sealed record AreaCountJson(int Targeted, int Reached)
{
    public static AreaCountJson Of(AreaCount c) => new(c.Targeted, c.Reached);
}

/// <summary>Persons (到人): reached with the split by evidence, evacuated and still unaccounted.</summary>
public sealed record PersonReachJson(int Targeted, int Reached, int BySms, int ByHousehold, int ByOfficer, int Evacuated, int Unaccounted)
{
    public static PersonReachJson Of(PersonCounts c) => new(c.Targeted, c.Reached, c.BySms, c.ByHousehold, c.ByOfficer, c.Evacuated, c.Unaccounted);
}

/// <summary>Officers called who answer for a region, how many answered, and their median answer time (null when none did).</summary>
public sealed record RegionAcknowledgementsJson(int Officers, int Answered, double? MedianAnswerSeconds)
{
    public static RegionAcknowledgementsJson Of(RegionAcknowledgements a) => new(a.Officers, a.Answered, a.MedianAnswerSeconds);
}

/// <summary>Milliseconds from release until 50, 90 and 95 % of the targeted persons were reached; null until then.</summary>
public sealed record ReachTimesJson(long? P50, long? P90, long? P95)
{
    public static ReachTimesJson Of(ReachTimes t) => new(Ms(t.P50), Ms(t.P90), Ms(t.P95));

    private static long? Ms(TimeSpan? t) => t is { } v ? (long)v.TotalMilliseconds : null;
}

/// <summary>
/// Persons of one region by their SMS slots: targeted, without a phone, sent, delivered, failed, pending, unreached
/// (round 0, each slot in its first holder's village). <see cref="Villages"/>, <see cref="Households"/>,
/// <see cref="Persons"/> and <see cref="TimeToReachMs"/> count every person by every kind of evidence (到村/到户/到人).
/// </summary>
/// <param name="Level">county, town or village.</param>
public record ReachRowJson(string Code, string Name, string Level, string? Parent, int Targeted, int WithoutPhone, int Sent,
    int Delivered, int Failed, int Pending, int Unreached)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AreaCountJson? Villages { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AreaCountJson? Households { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PersonReachJson? Persons { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReachTimesJson? TimeToReachMs { get; init; }

    /// <summary>叫应 of the officers who answer for this region or a region inside it (village → town → county).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RegionAcknowledgementsJson? Acknowledgements { get; init; }

    /// <summary>This row with its region's 叫应 figures (zeros when no officer answers for it); unchanged without a board.</summary>
    public ReachRowJson With(IReadOnlyDictionary<string, RegionAcknowledgements>? acknowledgements) => acknowledgements is null ? this : this with
    {
        Acknowledgements = RegionAcknowledgementsJson.Of(acknowledgements.GetValueOrDefault(Code)),
    };

    /// <summary>This row with the household-and-person counts of the same region, when there are any.</summary>
    public ReachRowJson With(HouseholdReachRow? row) => row is null ? this : this with
    {
        Villages = AreaCountJson.Of(row.Villages),
        Households = AreaCountJson.Of(row.Households),
        Persons = PersonReachJson.Of(row.Persons),
        TimeToReachMs = ReachTimesJson.Of(row.TimeToReach),
    };

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
