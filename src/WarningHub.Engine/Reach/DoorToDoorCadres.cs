using System.Runtime.CompilerServices;
using WarningHub.Core.Registry;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Reach;

/// <summary>
/// Who goes door to door in a village, and to which households (responsibilities.csv and households.csv cadre_id):
/// <list type="bullet">
/// <item>the village's responsible cadre (a village-tier responsibility with 叫应 and door to door), or a door-to-door
/// cadre of a village whose households name nobody, sees and marks every household of the village;</item>
/// <item>a 包户干部 (named as a household's cadre_id) sees and marks their own households only;</item>
/// <item>a county without responsibilities.csv: the village's officers of role village_cadre, each for the whole village.</item>
/// </list>
/// </summary>
public sealed class DoorToDoorCadres(RegistryHolder registry)
{
    private readonly ConditionalWeakTable<CountyRegistry, Dictionary<string, HashSet<long>>> _named = [];

    /// <summary>The officer with this id when they go door to door in the village, else null.</summary>
    public Officer? Find(string villageCode, long officerId) => Of(villageCode).FirstOrDefault(o => o.Id == officerId);

    /// <summary>Everyone who goes door to door in a village: each gets a link.</summary>
    public IEnumerable<Officer> Of(string villageCode)
    {
        var endpoints = registry.Endpoints;
        var ids = new HashSet<long>(endpoints.ResponsibilitiesOf(villageCode)
            .Where(r => r.Tier == ResponsibilityTier.Village && r.GoesDoorToDoor).Select(r => r.OfficerId));
        ids.UnionWith(Named(villageCode));
        if (ids.Count == 0 && !endpoints.Responsibilities.Any())
            return endpoints.OfficersOf(villageCode).Where(o => o.Role == OfficerRole.VillageCadre);
        return ids.Order().Select(endpoints.FindOfficer).OfType<Officer>();
    }

    /// <summary>The households an officer's page lists; null for every household of the village.</summary>
    public Func<Household, bool>? HouseholdsOf(Officer officer, string villageCode)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var endpoints = registry.Endpoints;
        var duty = endpoints.ResponsibilitiesOf(villageCode)
            .FirstOrDefault(r => r.OfficerId == officer.Id && r.Tier == ResponsibilityTier.Village && r.GoesDoorToDoor);
        var named = Named(villageCode);
        // The village's responsible cadre, a cadre of a village whose households name nobody, or a county without responsibilities.
        if (duty is { Acknowledges: true } || (duty is not null && named.Count == 0) || !endpoints.Responsibilities.Any()) return null;
        var id = officer.Id;
        return h => h.CadreId == id;
    }

    /// <summary>True when the officer may mark the household (it is on their page).</summary>
    public bool MayMark(Officer officer, Household household)
    {
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(household);
        if (Find(household.VillageCode, officer.Id) is null) return false;
        return HouseholdsOf(officer, household.VillageCode) is not { } only || only(household);
    }

    /// <summary>The officers the village's households name as their 包户干部.</summary>
    private HashSet<long> Named(string villageCode)
    {
        var county = registry.Current;
        var byVillage = _named.GetValue(county, r => r.Households.Where(h => h.CadreId is not null)
            .GroupBy(h => h.VillageCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(h => h.CadreId!.Value).ToHashSet(), StringComparer.Ordinal));
        return byVillage.GetValueOrDefault(villageCode) ?? [];
    }
}
