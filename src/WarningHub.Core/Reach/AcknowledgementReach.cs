using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Reach;

/// <summary>
/// 叫应 figures of one region: the officers called who answer for it or for a region inside it, how many of them
/// answered, and the median time from call to answer over those who did (null when none did).
/// </summary>
public readonly record struct RegionAcknowledgements(int Officers, int Answered, double? MedianAnswerSeconds);

/// <summary>
/// Groups a warning's 叫应 calls by region for the reach report: each call counts in every region it answers for
/// and, rolled up, in the town and county around them (village → town → county). An officer counts once per
/// region, however many of its villages they answer for.
/// </summary>
public static class AcknowledgementReach
{
    /// <summary>The figures per 12-digit region code; a region no call answers for is absent.</summary>
    public static IReadOnlyDictionary<string, RegionAcknowledgements> ByRegion(IReadOnlyList<Acknowledgement> calls, CountyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(registry);
        var byRegion = new Dictionary<string, List<Acknowledgement>>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var region in call.Regions)
            {
                codes.Add(region);
                if (DivisionCode.LevelOf(region) == RegionLevel.Village && registry.TownOf(region) is { } town) codes.Add(town.Code);
                if (DivisionCode.LevelOf(region) != RegionLevel.County) codes.Add(registry.County.Code);
            }

            foreach (var code in codes)
            {
                if (!byRegion.TryGetValue(code, out var list)) byRegion[code] = list = [];
                list.Add(call);
            }
        }

        return byRegion.ToDictionary(kv => kv.Key, kv => Of(kv.Value), StringComparer.Ordinal);
    }

    /// <summary>The figures over some calls.</summary>
    public static RegionAcknowledgements Of(IReadOnlyCollection<Acknowledgement> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        return new RegionAcknowledgements(calls.Count, calls.Count(c => !c.IsSilent), MedianAnswerSeconds(calls));
    }

    /// <summary>The median time from call to answer over the calls answered; null when none was.</summary>
    public static double? MedianAnswerSeconds(IEnumerable<Acknowledgement> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var seconds = calls.Where(a => a.AnsweredAt is not null).Select(a => (a.AnsweredAt!.Value - a.SentAt).TotalSeconds).Order().ToList();
        if (seconds.Count == 0) return null;
        return seconds.Count % 2 == 1 ? seconds[seconds.Count / 2] : (seconds[(seconds.Count / 2) - 1] + seconds[seconds.Count / 2]) / 2;
    }
}
