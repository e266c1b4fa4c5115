namespace WarningHub.Core.Registry;

// The checks an endpoint must pass against a registry. An import checks each row as it reads it (with file and
// line); these run on endpoints kept from the database under a new registry, and at the hub's start.
public sealed partial class CountyEndpoints
{
    /// <summary>
    /// Checks that every endpoint fits the registry: villages, households and regions exist, channels and
    /// addresses are playable, roles match their region's level, keys are unique. Lists every problem; the
    /// messages never hold a phone number, a name or a whole openid.
    /// </summary>
    public IReadOnlyList<string> Problems(CountyRegistry registry)
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
        foreach (var d in Subscribers.GroupBy(s => s.OpenId, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"subscriber {Short(d.Key)} appears {d.Count()} times");

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
        return problems;
    }

    private static bool IsVillage(CountyRegistry registry, string code) =>
        DivisionCode.IsFull(code) && registry.FindRegion(code)?.Level == RegionLevel.Village;

    private static string Short(string openId) => openId[..Math.Min(6, openId.Length)] + "…";

    private static string Level(RegionLevel level) => RegistryCsv.LevelName(level);
}
