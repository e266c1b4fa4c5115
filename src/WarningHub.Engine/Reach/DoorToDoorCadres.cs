using WarningHub.Core.Registry;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Reach;

/// <summary>
/// Who goes door to door in a village: its village cadres (村干部, officers.csv role village_cadre), who see and mark
/// every household of the village.
/// </summary>
public sealed class DoorToDoorCadres(RegistryHolder registry)
{
    /// <summary>The officer with this id when they go door to door in the village, else null.</summary>
    public Officer? Find(string villageCode, long officerId) =>
        registry.Endpoints.OfficersOf(villageCode).FirstOrDefault(o => o.Id == officerId && o.Role == OfficerRole.VillageCadre);

    /// <summary>The cadres of a village, each to get a link.</summary>
    public IEnumerable<Officer> Of(string villageCode) =>
        registry.Endpoints.OfficersOf(villageCode).Where(o => o.Role == OfficerRole.VillageCadre);

    /// <summary>The households an officer's page lists; null for all of the village.</summary>
    public static Func<Household, bool>? HouseholdsOf(Officer officer) => null;

    public static bool MayMark(Officer officer, Household household)
    {
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(household);
        return officer.RegionCode == household.VillageCode && officer.Role == OfficerRole.VillageCadre;
    }
}
