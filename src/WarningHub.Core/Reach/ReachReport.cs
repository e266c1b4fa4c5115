using WarningHub.Core.Registry;

namespace WarningHub.Core.Reach;

/// <summary>One area's line of a reach report.</summary>
public sealed record ReachRow(string Code, string Name, RegionLevel Level, string? ParentCode, ReachCounts Persons);

/// <summary>
/// Reach of one warning per county, town and village, in persons. <see cref="ByChannel"/> has the same rows
/// per channel; the top-level rows count a person reached when any channel delivered to them.
/// </summary>
public sealed record ReachReport(string WarningId, IReadOnlyList<ReachRow> Rows, IReadOnlyDictionary<string, IReadOnlyList<ReachRow>> ByChannel)
{
    public ReachRow County => Rows[0];
}

/// <summary>Builds reach reports from ledger counts and the registry's names and hierarchy.</summary>
public static class ReachReportBuilder
{
    public static ReachReport Build(string warningId, IReadOnlyList<Planning.VillageTarget> targets,
        IReadOnlyList<VillageChannelCounts> counts, CountyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(registry);
        var channels = counts.Select(c => c.Channel).Distinct().Order(StringComparer.Ordinal).ToList();
        var byChannel = new Dictionary<string, IReadOnlyList<ReachRow>>();
        foreach (var channel in channels)
        {
            var villages = VillageCounts(targets, counts.Where(c => c.Channel == channel));
            byChannel[channel] = Rollup(villages, registry);
        }
        // With one channel per person today, the overall view is the sum; with several it will be a union per person.
        var all = VillageCounts(targets, counts);
        return new ReachReport(warningId, Rollup(all, registry), byChannel);
    }

    private static Dictionary<long, ReachCounts> VillageCounts(IReadOnlyList<Planning.VillageTarget> targets, IEnumerable<VillageChannelCounts> counts)
    {
        var result = targets.ToDictionary(t => t.VillageCode, t => ReachCounts.Zero with { Targeted = t.Persons, WithoutAddress = t.PersonsWithoutAddress });
        foreach (var c in counts)
        {
            var current = result.GetValueOrDefault(c.VillageCode, ReachCounts.Zero);
            result[c.VillageCode] = current.Add(new ReachCounts(0, 0, c.Sent, c.Delivered, c.Failed, c.Pending));
        }
        return result;
    }

    private static List<ReachRow> Rollup(Dictionary<long, ReachCounts> villages, CountyRegistry registry)
    {
        var rows = new List<ReachRow>();
        var townRows = new List<ReachRow>();
        var villageRows = new List<ReachRow>();
        var county = ReachCounts.Zero;
        foreach (var town in registry.Towns)
        {
            var townCounts = ReachCounts.Zero;
            foreach (var village in registry.VillagesUnder(town.Code))
            {
                var code = long.Parse(village.Code, System.Globalization.CultureInfo.InvariantCulture);
                if (!villages.TryGetValue(code, out var v)) continue;
                villageRows.Add(new ReachRow(village.Code, village.Name, RegionLevel.Village, town.Code, v));
                townCounts = townCounts.Add(v);
            }
            if (townCounts.Targeted == 0) continue;
            townRows.Add(new ReachRow(town.Code, town.Name, RegionLevel.Town, registry.County.Code, townCounts));
            county = county.Add(townCounts);
        }
        rows.Add(new ReachRow(registry.County.Code, registry.County.Name, RegionLevel.County, null, county));
        rows.AddRange(townRows);
        rows.AddRange(villageRows);
        return rows;
    }
}
