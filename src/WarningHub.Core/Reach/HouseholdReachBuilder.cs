using System.Globalization;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Reach;

/// <summary>
/// Counts 到村, 到户 and 到人 from <see cref="ReachEvidence"/>: one walk over the targeted persons, village by village.
/// A phone shared by several persons, also across villages, reaches each of them; every round's slots count.
/// </summary>
public static class HouseholdReachBuilder
{
    public static HouseholdReachReport Build(ReachEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var index = evidence.Index;
        var registry = index.Registry;
        var officer = OfficerEvidence.Of(evidence.Marks, registry);
        var released = evidence.ReleasedAt.ToUnixTimeMilliseconds();
        var householdSeen = new byte[registry.Households.Count]; // 1 targeted, 2 reached
        var times = new long[CountSelected(evidence.Selected)];
        var filled = 0;

        var villageRows = new List<(Region Village, Region Town, int From, int To, HouseholdReachRow Row)>();
        foreach (var town in registry.Towns)
        {
            foreach (var village in registry.VillagesUnder(town.Code))
            {
                var from = filled;
                var persons = new PersonTally();
                var households = new AreaCount();
                foreach (var i in registry.PersonsInVillage(village.Code).Indexes)
                {
                    if (!evidence.Selected[i]) continue;
                    var h = index.HouseholdOf[i];
                    var at = persons.Count(i, h, evidence, officer);
                    if (h >= 0)
                    {
                        if (householdSeen[h] == 0) households = households with { Targeted = households.Targeted + 1 };
                        if (householdSeen[h] == 0) householdSeen[h] = 1;
                        if (at != long.MaxValue && householdSeen[h] == 1)
                        {
                            householdSeen[h] = 2;
                            households = households with { Reached = households.Reached + 1 };
                        }
                    }
                    if (at != long.MaxValue) times[filled++] = Math.Max(0, at - released);
                }
                if (persons.Targeted == 0) continue;
                var code = long.Parse(village.Code, CultureInfo.InvariantCulture);
                var villages = new AreaCount(1, evidence.VillagesBroadcast.ContainsKey(code) ? 1 : 0);
                var row = new HouseholdReachRow(village.Code, village.Name, RegionLevel.Village, town.Code, villages, households, persons.Counts,
                    Percentiles(times.AsSpan(from, filled - from), persons.Targeted));
                villageRows.Add((village, town, from, filled, row));
            }
        }

        var rows = new List<HouseholdReachRow>();
        var townRows = new List<HouseholdReachRow>();
        foreach (var group in villageRows.GroupBy(v => v.Town.Code, StringComparer.Ordinal))
        {
            var town = group.First().Town;
            var from = group.Min(v => v.From);
            var to = group.Max(v => v.To);
            var sum = Sum(group.Select(v => v.Row));
            townRows.Add(new HouseholdReachRow(town.Code, town.Name, RegionLevel.Town, registry.County.Code, sum.Villages, sum.Households, sum.Persons,
                Percentiles(times.AsSpan(from, to - from), sum.Persons.Targeted)));
        }
        var county = Sum(villageRows.Select(v => v.Row));
        rows.Add(new HouseholdReachRow(registry.County.Code, registry.County.Name, RegionLevel.County, null, county.Villages, county.Households,
            county.Persons, Percentiles(times.AsSpan(0, filled), county.Persons.Targeted)));
        rows.AddRange(townRows);
        rows.AddRange(villageRows.Select(v => v.Row));
        return new HouseholdReachReport(rows);
    }

    private static int CountSelected(bool[] selected)
    {
        var n = 0;
        foreach (var s in selected) if (s) n++;
        return n;
    }

    private static (AreaCount Villages, AreaCount Households, PersonCounts Persons) Sum(IEnumerable<HouseholdReachRow> rows)
    {
        AreaCount v = default, h = default;
        PersonCounts p = default;
        foreach (var r in rows)
        {
            v = new(v.Targeted + r.Villages.Targeted, v.Reached + r.Villages.Reached);
            h = new(h.Targeted + r.Households.Targeted, h.Reached + r.Households.Reached);
            p = new(p.Targeted + r.Persons.Targeted, p.Reached + r.Persons.Reached, p.BySms + r.Persons.BySms, p.ByHousehold + r.Persons.ByHousehold,
                p.ByOfficer + r.Persons.ByOfficer, p.Evacuated + r.Persons.Evacuated, p.Unaccounted + r.Persons.Unaccounted);
        }
        return (v, h, p);
    }

    /// <summary>
    /// The times at which 50, 90 and 95 % of <paramref name="targeted"/> persons had been reached: the k-th smallest of the
    /// reached persons' times (k of the targeted, not of the reached). Reorders the span; its contents stay.
    /// </summary>
    internal static ReachTimes Percentiles(Span<long> reachedMs, int targeted) =>
        new(Percentile(reachedMs, targeted, 50), Percentile(reachedMs, targeted, 90), Percentile(reachedMs, targeted, 95));

    private static TimeSpan? Percentile(Span<long> reachedMs, int targeted, int percent)
    {
        if (targeted == 0) return null;
        var k = (int)Math.Ceiling(targeted * (percent / 100.0)); // 1-based rank among the targeted
        if (k > reachedMs.Length || k == 0) return null;
        return TimeSpan.FromMilliseconds(Select(reachedMs, k - 1));
    }

    /// <summary>The element that would be at <paramref name="k"/> after sorting (quickselect, median of three).</summary>
    private static long Select(Span<long> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (hi > lo)
        {
            var mid = lo + ((hi - lo) / 2);
            if (a[mid] < a[lo]) (a[mid], a[lo]) = (a[lo], a[mid]);
            if (a[hi] < a[lo]) (a[hi], a[lo]) = (a[lo], a[hi]);
            if (a[hi] < a[mid]) (a[hi], a[mid]) = (a[mid], a[hi]);
            var pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i > j) break;
                (a[i], a[j]) = (a[j], a[i]);
                i++;
                j--;
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }
        return a[k];
    }

    /// <summary>Persons of one area as they are counted.</summary>
    private struct PersonTally
    {
        public int Targeted;
        private int _bySms, _byHousehold, _byOfficer, _evacuated;

        /// <summary>Counts one targeted person; returns when they were first reached (Unix ms) or long.MaxValue.</summary>
        public long Count(int person, int household, ReachEvidence e, OfficerEvidence officer)
        {
            Targeted++;
            var sms = e.Sms;
            var o = e.Index.SmsOrdinal[person];
            var own = o >= 0 && sms.Best[o] == SlotEvidence.Delivered ? sms.DeliveredAtMs[o] : long.MaxValue;
            var home = household >= 0 ? WeChatDeliveredAt(e, household) : long.MaxValue;
            var told = household >= 0 ? officer.ReachedAt(household) : long.MaxValue;
            if (household >= 0 && officer.Evacuated(household)) _evacuated++;
            if (own != long.MaxValue) _bySms++;
            else if (home != long.MaxValue) _byHousehold++;
            else if (told != long.MaxValue) _byOfficer++;
            return Math.Min(own, Math.Min(home, told));
        }

        public readonly PersonCounts Counts
        {
            get
            {
                var reached = _bySms + _byHousehold + _byOfficer;
                return new PersonCounts(Targeted, reached, _bySms, _byHousehold, _byOfficer, _evacuated, Targeted - reached);
            }
        }
    }

    /// <summary>The first delivery to a follower bound to the household (Unix ms), or long.MaxValue.</summary>
    internal static long WeChatDeliveredAt(ReachEvidence e, int household)
    {
        var index = e.Index;
        var at = long.MaxValue;
        for (var k = index.WeChatStart[household]; k < index.WeChatStart[household + 1]; k++)
        {
            var o = index.WeChatOrdinals[k];
            if (o >= 0 && e.WeChat.Best[o] == SlotEvidence.Delivered) at = Math.Min(at, e.WeChat.DeliveredAtMs[o]);
        }
        return at;
    }
}

/// <summary>Officers' marks per household index: when one first reached it, and whether it was evacuated.</summary>
internal sealed class OfficerEvidence
{
    private readonly Dictionary<int, (long At, bool Evacuated)> _byHousehold = [];

    public static OfficerEvidence Of(IReadOnlyList<HouseholdMark> marks, CountyRegistry registry)
    {
        var result = new OfficerEvidence();
        foreach (var m in marks)
        {
            if (!HouseholdMarkKinds.Reaches(m.Kind)) continue;
            var h = registry.HouseholdIndexOf(m.HouseholdId);
            if (h < 0) continue;
            var at = m.At.ToUnixTimeMilliseconds();
            var current = result._byHousehold.GetValueOrDefault(h, (long.MaxValue, false));
            result._byHousehold[h] = (Math.Min(current.Item1, at), current.Item2 || m.Kind == HouseholdMarkKind.Evacuated);
        }
        return result;
    }

    public long ReachedAt(int household) => _byHousehold.TryGetValue(household, out var v) ? v.At : long.MaxValue;

    public bool Evacuated(int household) => _byHousehold.TryGetValue(household, out var v) && v.Evacuated;
}
