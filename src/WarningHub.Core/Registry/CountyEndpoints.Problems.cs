namespace WarningHub.Core.Registry;

// The checks an endpoint must pass against a registry. An import checks each row as it reads it (with file and
// line); these run on endpoints kept from the database under a new registry, and at the hub's start.
public sealed partial class CountyEndpoints
{
    /// <summary>
    /// Checks that every endpoint fits the registry: villages, households and regions exist, channels and
    /// addresses are playable, roles match their region's level, keys are unique, responsibilities and the
    /// households' cadre_id name officers. Lists every problem; the messages never hold a phone number, a name
    /// or a whole openid.
    /// </summary>
    public IReadOnlyList<string> Problems(CountyRegistry registry) =>
        [.. RowProblems(registry, Officers), .. CadreProblems(registry, Officers)];

    /// <summary>Households whose cadre_id (包户干部) is not one of <paramref name="officers"/>.</summary>
    public static IEnumerable<string> CadreProblems(CountyRegistry registry, IReadOnlyCollection<Officer> officers)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(officers);
        HashSet<long>? ids = null;
        foreach (var household in registry.Households)
        {
            if (household.CadreId is not { } cadre) continue;
            ids ??= officers.Select(o => o.Id).ToHashSet();
            if (!ids.Contains(cadre)) yield return $"household {household.Id}: cadre_id {cadre} is not an officer";
        }
    }

    // The rows' own checks; responsibilities are checked against the officers given (those after an import).
    internal List<string> RowProblems(CountyRegistry registry, IReadOnlyCollection<Officer> officers)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var problems = new List<string>();
        foreach (var t in Terminals)
        {
            if (!IsVillage(registry, t.VillageCode))
                problems.Add($"terminal {t.Id}: village {t.VillageCode} is not a village of the registry");
            if (TerminalAddressSyntax.Channel(t.Channel) != t.Channel)
                problems.Add($"terminal {t.Id}: channel '{t.Channel}' does not play terminals (expected {string.Join(" or ", TerminalAddressSyntax.TerminalChannels)})");
            else if (TerminalAddressSyntax.Problem(t.Channel, t.Address) is { } address)
                problems.Add($"terminal {t.Id}: address '{t.Address}' {address}");
        }
        foreach (var d in Terminals.GroupBy(t => t.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"terminal id {d.Key} appears {d.Count()} times");

        foreach (var s in Subscribers)
        {
            if (!IsVillage(registry, s.VillageCode))
                problems.Add($"subscriber {Short(s.OpenId)}: village {s.VillageCode} is not a village of the registry");
            if (s.HouseholdId is { } id && registry.FindHousehold(id) is var household && household?.VillageCode != s.VillageCode)
                problems.Add(household is null
                    ? $"subscriber {Short(s.OpenId)}: household {id} is not in the registry"
                    : $"subscriber {Short(s.OpenId)}: household {id} is in village {household.VillageCode}, not {s.VillageCode}");
        }
        foreach (var d in Subscribers.GroupBy(s => s.Address, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"subscriber {Short(d.First().OpenId)} appears {d.Count()} times");

        foreach (var o in Officers)
        {
            var region = DivisionCode.IsFull(o.RegionCode) ? registry.FindRegion(o.RegionCode) : null;
            if (region is null)
                problems.Add($"officer {o.Id}: region {o.RegionCode} is not in the registry");
            else if (Enum.IsDefined(o.Role) && region.Level != OfficerRoles.LevelOf(o.Role))
                problems.Add($"officer {o.Id}: a {OfficerRoles.Name(o.Role)} answers for a {Level(OfficerRoles.LevelOf(o.Role))}, but {o.RegionCode} is a {Level(region.Level)}");
            if (!Enum.IsDefined(o.Role))
                problems.Add($"officer {o.Id}: role {(int)o.Role} is unknown");
            if (!PhoneNumber.IsNormalized(o.Phone))
                problems.Add($"officer {o.Id}: phone is not a normalised mobile number");
        }
        foreach (var d in Officers.GroupBy(o => o.Id).Where(g => g.Count() > 1))
            problems.Add($"officer id {d.Key} appears {d.Count()} times");

        var officerIds = officers.Select(o => o.Id).ToHashSet();
        foreach (var r in Responsibilities)
        {
            var name = $"responsibility of officer {r.OfficerId} for {r.RegionCode}";
            var region = DivisionCode.IsFull(r.RegionCode) ? registry.FindRegion(r.RegionCode) : null;
            if (region is null)
                problems.Add($"{name}: region {r.RegionCode} is not in the registry");
            else if (!Enum.IsDefined(r.Tier) || !ResponsibilityNames.Fits(r.Tier, region.Level))
                problems.Add($"{name}: tier {(int)r.Tier} cannot answer for a {Level(region.Level)}");
            if (!officerIds.Contains(r.OfficerId))
                problems.Add($"{name}: officer {r.OfficerId} is not an officer");
            if ((r.Levels & WarningLevelSet.All) == WarningLevelSet.None || (r.Levels & ~WarningLevelSet.All) != 0)
                problems.Add($"{name}: levels {(int)r.Levels} are not a set of levels");
            if (r.Duties is not (ResponsibilityDuties.Acknowledge or ResponsibilityDuties.DoorToDoor or ResponsibilityDuties.Both))
                problems.Add($"{name}: duty {(int)r.Duties} is unknown");
        }
        foreach (var d in Responsibilities.GroupBy(r => (r.RegionCode, r.OfficerId)).Where(g => g.Count() > 1))
            problems.Add($"officer {d.Key.OfficerId} answers for {d.Key.RegionCode} {d.Count()} times");
        return problems;
    }

    private static bool IsVillage(CountyRegistry registry, string code) =>
        DivisionCode.IsFull(code) && registry.FindRegion(code)?.Level == RegionLevel.Village;

    private static string Short(string openId) => openId[..Math.Min(6, openId.Length)] + "…";

    private static string Level(RegionLevel level) => RegistryCsv.LevelName(level);
}
