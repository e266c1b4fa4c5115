using WarningHub.Core.Reach;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Reach;

/// <summary>What became of a cadre's mark.</summary>
public enum MarkOutcome
{
    /// <summary>Appended to the ledger.</summary>
    Recorded,

    /// <summary>The warning was cancelled or replaced: marks are no longer taken.</summary>
    WarningEnded,

    /// <summary>The link is past the warning's expiry plus a day.</summary>
    LinkExpired,

    /// <summary>No such household in the village (nothing recorded).</summary>
    UnknownHousehold,

    /// <summary>The officer may not mark this household (not the village's cadre, nor its 包户干部).</summary>
    NotTheirs,
}

/// <summary>
/// Takes cadres' marks on households (已当面通知, 已电话通知, 已转移, 外出无人, 拒绝转移): checks them and appends them.
/// A mark never replaces another; two cadres marking one household leave two marks.
/// </summary>
public sealed class HouseholdMarking(IHouseholdMarks marks, RegistryHolder registry, DoorToDoorCadres cadres, TimeProvider time)
{
    public async Task<MarkOutcome> MarkAsync(WarningRecord warning, string villageCode, long householdId, HouseholdMarkKind kind, Officer officer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        ArgumentNullException.ThrowIfNull(officer);
        if (!HouseholdMarkKinds.All.Contains(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown mark");
        if (warning.State is WarningState.Cancelled or WarningState.Superseded) return MarkOutcome.WarningEnded;
        var now = time.GetUtcNow();
        if (DoorLinks.ValidUntil(warning) is { } until && now > until) return MarkOutcome.LinkExpired;
        var household = registry.Current.FindHousehold(householdId);
        if (household is null || household.VillageCode != villageCode) return MarkOutcome.UnknownHousehold;
        if (!cadres.MayMark(officer, household)) return MarkOutcome.NotTheirs;
        var village = long.Parse(villageCode, System.Globalization.CultureInfo.InvariantCulture);
        await marks.RecordAsync(new HouseholdMark(warning.Id, village, householdId, kind, officer.Id, officer.Name, now), cancellationToken);
        return MarkOutcome.Recorded;
    }
}
