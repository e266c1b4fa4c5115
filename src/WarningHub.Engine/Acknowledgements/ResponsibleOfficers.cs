using WarningHub.Core.Cap;
using WarningHub.Core.Planning;
using WarningHub.Core.Registry;

namespace WarningHub.Engine.Acknowledgements;

/// <summary>
/// Who answers for a warning's area (叫应), and who hears of their silence. An area is its targeted villages, the
/// towns they lie in and the county; an officer answers for each of them that a responsibility with the 叫应 duty
/// and the warning's level names. Silence on tier T goes up to tier T+1, then T+2 (village → town → county), to
/// the officers who answer for the silent officer's region or a region around it.
/// </summary>
public static class ResponsibleOfficers
{
    /// <summary>Each officer called, with their lowest tier and the targeted regions they answer for (code order).</summary>
    public static IReadOnlyList<(Officer Officer, ResponsibilityTier Tier, IReadOnlyList<string> Regions)> Called(
        IReadOnlyCollection<string> villages, WarningLevel level, CountyRegistry registry, CountyEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(villages);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(endpoints);
        var regions = new SortedSet<string>(villages, StringComparer.Ordinal);
        if (villages.Count > 0) regions.Add(registry.County.Code);
        foreach (var village in villages)
        {
            if (registry.TownOf(village) is { } town) regions.Add(town.Code);
        }

        var byOfficer = new Dictionary<long, (ResponsibilityTier Tier, List<string> Regions)>();
        foreach (var region in regions)
        {
            foreach (var r in endpoints.ResponsibilitiesOf(region).Where(r => r.Acknowledges && r.AppliesTo(level)))
            {
                if (!byOfficer.TryGetValue(r.OfficerId, out var entry)) byOfficer[r.OfficerId] = entry = (r.Tier, []);
                entry.Regions.Add(region);
                if (r.Tier < entry.Tier) byOfficer[r.OfficerId] = (r.Tier, entry.Regions);
            }
        }

        return byOfficer
            .Select(e => (Officer: endpoints.FindOfficer(e.Key), e.Value.Tier, Regions: (IReadOnlyList<string>)e.Value.Regions))
            .Where(e => e.Officer is not null)
            .Select(e => (e.Officer!, e.Tier, e.Regions))
            .OrderBy(e => e.Tier).ThenBy(e => e.Item1.Id)
            .ToList();
    }

    /// <summary>
    /// The officers told at escalation step <paramref name="step"/> (1 or 2) that an officer on <paramref name="tier"/>
    /// answering for <paramref name="regions"/> is silent: those on tier + step (or, if nobody is, the nearest
    /// tier above) who answer for one of the regions or a region around it. Never the silent officer.
    /// </summary>
    public static IReadOnlyList<Officer> Above(long silentOfficer, ResponsibilityTier tier, IReadOnlyList<string> regions, int step,
        CountyRegistry registry, CountyEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(endpoints);
        var around = new SortedSet<string>(StringComparer.Ordinal) { registry.County.Code };
        foreach (var region in regions)
        {
            around.Add(region);
            if (DivisionCode.LevelOf(region) == RegionLevel.Village && registry.TownOf(region) is { } town) around.Add(town.Code);
        }

        for (var wanted = (int)tier + step; wanted <= (int)ResponsibilityTier.County; wanted++)
        {
            var officers = around.SelectMany(endpoints.ResponsibilitiesOf)
                .Where(r => (int)r.Tier == wanted && r.Acknowledges && r.OfficerId != silentOfficer)
                .Select(r => endpoints.FindOfficer(r.OfficerId)).OfType<Officer>()
                .DistinctBy(o => o.Id).OrderBy(o => o.Id).ToList();
            if (officers.Count > 0) return officers;
        }

        return [];
    }
}
