using WarningHub.Core.Registry;

namespace WarningHub.Core.Reach;

/// <summary>Targeted and reached, of villages (到村) or households (到户).</summary>
public readonly record struct AreaCount(int Targeted, int Reached);

/// <summary>
/// Persons (到人): reached, split by the evidence that counted first in this order: a receipt for an SMS to their own
/// phone (<see cref="BySms"/>), a receipt for a WeChat message to a follower bound to their household
/// (<see cref="ByHousehold"/>), an officer's mark on their household (<see cref="ByOfficer"/>).
/// <see cref="Evacuated"/> counts persons of households marked 已转移 (also counted in reached);
/// <see cref="Unaccounted"/> those with no evidence at all.
/// </summary>
public readonly record struct PersonCounts(int Targeted, int Reached, int BySms, int ByHousehold, int ByOfficer, int Evacuated, int Unaccounted);

/// <summary>Time from release until 50 %, 90 % and 95 % of the targeted persons were reached; null until they are.</summary>
public readonly record struct ReachTimes(TimeSpan? P50, TimeSpan? P90, TimeSpan? P95);

/// <summary>One area's line of the household-and-person reach.</summary>
public sealed record HouseholdReachRow(string Code, string Name, RegionLevel Level, string? ParentCode, AreaCount Villages, AreaCount Households,
    PersonCounts Persons, ReachTimes TimeToReach);

/// <summary>Reach of one warning to villages, households and persons, per county, town and village (county first).</summary>
public sealed record HouseholdReachReport(IReadOnlyList<HouseholdReachRow> Rows)
{
    private readonly Dictionary<string, HouseholdReachRow> _byCode = Rows.ToDictionary(r => r.Code, StringComparer.Ordinal);

    public HouseholdReachRow County => Rows[0];

    public HouseholdReachRow? Find(string code) => _byCode.GetValueOrDefault(code);
}

/// <summary>
/// Everything that counts as evidence for one warning, read at one moment: SMS and WeChat receipts by address,
/// officers' marks, loudspeaker plays and broadcasters' confirmations per village.
/// </summary>
/// <param name="Selected">Per registry person: targeted by the warning.</param>
/// <param name="ReleasedAt">Where times to reach count from.</param>
/// <param name="VillagesBroadcast">Villages where a loudspeaker played or the broadcaster confirmed, with the first time.</param>
public sealed record ReachEvidence(PersonIndex Index, bool[] Selected, ChannelEvidence Sms, ChannelEvidence WeChat, IReadOnlyList<HouseholdMark> Marks,
    IReadOnlyDictionary<long, DateTimeOffset> VillagesBroadcast, DateTimeOffset ReleasedAt);
