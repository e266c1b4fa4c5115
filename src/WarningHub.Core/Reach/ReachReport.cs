using WarningHub.Core.Registry;

namespace WarningHub.Core.Reach;

/// <summary>One area's line of a reach report.</summary>
public sealed record ReachRow(string Code, string Name, RegionLevel Level, string? ParentCode, ReachCounts Persons);

/// <summary>
/// Reach of one warning per county, town and village. <see cref="Rows"/> count persons, reached by SMS to their
/// phones. <see cref="ByChannel"/> has rows per channel in that channel's unit: persons for SMS, endpoints for the
/// others (terminals, followers, robots, TV channels); its county row counts every slot of the channel, also those
/// of towns (robots) and of the county (TV).
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
            var ofChannel = counts.Where(c => c.Channel == channel).ToList();
            var sms = channel == Planning.Channels.Sms;
            var rows = Rollup(VillageCounts(sms ? targets : [], ofChannel, targetsFromTotals: !sms), registry);
            if (!sms)
            {
                // Endpoints of towns (robots) and of the county (TV) belong to no village: the county row counts them all.
                var all = ofChannel.Aggregate(ReachCounts.Zero, (a, c) => a.Add(new ReachCounts(c.Total, 0, c.Sent, c.Delivered, c.Failed, c.Pending)));
                rows[0] = rows[0] with { Persons = all };
            }
            byChannel[channel] = rows;
        }
        // Persons are reached by SMS to their phones; the other channels reach places and groups and are reported apart.
        var persons = VillageCounts(targets, counts.Where(c => c.Channel == Planning.Channels.Sms));
        return new ReachReport(warningId, Rollup(persons, registry), byChannel);
    }

    private static Dictionary<long, ReachCounts> VillageCounts(IReadOnlyList<Planning.VillageTarget> targets, IEnumerable<VillageChannelCounts> counts, bool targetsFromTotals = false)
    {
        var result = targets.ToDictionary(t => t.VillageCode, t => ReachCounts.Zero with { Targeted = t.Persons, WithoutAddress = t.PersonsWithoutAddress });
        foreach (var c in counts)
        {
            var current = result.GetValueOrDefault(c.VillageCode, ReachCounts.Zero);
            result[c.VillageCode] = current.Add(new ReachCounts(targetsFromTotals ? c.Total : 0, 0, c.Sent, c.Delivered, c.Failed, c.Pending));
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
