namespace WarningHub.Core.Registry;

/// <summary>How officer roles are written in officers.csv, and the level of region each role answers for.</summary>
public static class OfficerRoles
{
    private static readonly OfficerRole[] All = [OfficerRole.VillageCadre, OfficerRole.TownOfficer, OfficerRole.Broadcaster, OfficerRole.CountyOfficer];

    /// <summary>The role names, for messages: "village_cadre, town_officer, broadcaster or county_officer".</summary>
    public static string Names => string.Join(", ", All[..^1].Select(Name)) + " or " + Name(All[^1]);

    public static string Name(OfficerRole role) => role switch
    {
        OfficerRole.VillageCadre => "village_cadre",
        OfficerRole.TownOfficer => "town_officer",
        OfficerRole.Broadcaster => "broadcaster",
        OfficerRole.CountyOfficer => "county_officer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown officer role"),
    };

    /// <summary>Reads a role name in any case.</summary>
    public static bool TryParse(string? text, out OfficerRole role)
    {
        role = All.FirstOrDefault(r => Name(r).Equals(text?.Trim(), StringComparison.OrdinalIgnoreCase));
        return role != default;
    }

    /// <summary>
    /// The level of region the role answers for. A broadcaster filed under a town would never get a bulletin
    /// (bulletins go to the broadcasters of the villages targeted), so the level is checked, not assumed.
    /// </summary>
    public static RegionLevel LevelOf(OfficerRole role) => role switch
    {
        OfficerRole.TownOfficer => RegionLevel.Town,
        OfficerRole.CountyOfficer => RegionLevel.County,
        _ => RegionLevel.Village,
    };
}
