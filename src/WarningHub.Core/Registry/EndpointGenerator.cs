using System.Globalization;
using WarningHub.Core.Planning;

namespace WarningHub.Core.Registry;

/// <summary>
/// Synthetic endpoints for a generated county: one IP loudspeaker per village (a serial one too in every fourth),
/// WeChat followers in about a quarter of households, a cadre and a broadcaster per village, a duty officer per
/// town, the county's duty officer, a second cadre (包户干部) in villages with enough phones, and who answers for
/// what: each village's cadre on tier 1 (叫应 and door to door), its second cadre on tier 1 (door to door), each
/// town's officer on tier 2 and the county's duty officer on tier 3 (叫应), for every level. Officers are persons
/// of the registry with distinct phones. Addresses come from the caller so the demo can point them at its simulators.
/// </summary>
public static class EndpointGenerator
{
    /// <param name="weChatAccounts">
    /// Several WeChat accounts (a city's and a county's): followers are dealt among them by household. Null or one: every
    /// follower has no account (the only one).
    /// </param>
    public static CountyEndpoints Generate(CountyRegistry registry, Func<Region, int, string> ipAddressOf, Func<Region, int, string> serialAddressOf, int seed = 1,
        IReadOnlyList<string>? weChatAccounts = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(ipAddressOf);
        ArgumentNullException.ThrowIfNull(serialAddressOf);
        var random = new SyntheticRandom((ulong)seed);
        var terminals = new List<Terminal>();
        var subscribers = new List<Subscriber>();
        var officers = new List<Officer>();
        var responsibilities = new List<Responsibility>();
        var usedPhones = new HashSet<string>(StringComparer.Ordinal);
        long officerId = 1;
        for (var v = 0; v < registry.Villages.Count; v++)
        {
            var village = registry.Villages[v];
            terminals.Add(new Terminal($"ip-{village.Code}", village.Code, Channels.LoudspeakerIp, ipAddressOf(village, v), IsTest: false));
            if (v % 4 == 0) terminals.Add(new Terminal($"serial-{village.Code}", village.Code, Channels.LoudspeakerSerial, serialAddressOf(village, v), IsTest: false));
            var persons = registry.PersonsInVillage(village.Code);
            var withPhone = persons.Where(p => p.Phone is not null && !usedPhones.Contains(p.Phone)).DistinctBy(p => p.Phone).Take(2).ToList();
            if (withPhone.Count > 0)
            {
                responsibilities.Add(new Responsibility(village.Code, officerId, ResponsibilityTier.Village, WarningLevelSet.All, ResponsibilityDuties.Both));
                officers.Add(Officer(officerId++, withPhone[0], village.Code, OfficerRole.VillageCadre, usedPhones));
            }
            if (withPhone.Count > 1) officers.Add(Officer(officerId++, withPhone[1], village.Code, OfficerRole.Broadcaster, usedPhones));
        }
        foreach (var household in registry.Households)
        {
            if (random.NextDouble() >= 0.25) continue;
            // 28 characters, as WeChat's openids are: the simulated WeChat API (like WeChat) refuses any other length.
            var openId = "o" + household.Id.ToString("x8", CultureInfo.InvariantCulture) + random.Next(0x10000).ToString("x4", CultureInfo.InvariantCulture)
                + "_synthetic_" + random.Next(0x10000).ToString("x4", CultureInfo.InvariantCulture);
            // Dealt by household id, not drawn: the same seed gives the same openids with one account or several.
            var account = weChatAccounts is { Count: > 1 } ? weChatAccounts[(int)(household.Id % weChatAccounts.Count)] : null;
            subscribers.Add(new Subscriber(openId, household.VillageCode, household.Id, IsTest: false, account));
        }
        foreach (var town in registry.Towns)
        {
            var person = registry.PersonsUnder(town.Code).FirstOrDefault(p => p.Phone is not null && !usedPhones.Contains(p.Phone));
            if (person is null) continue;
            responsibilities.Add(new Responsibility(town.Code, officerId, ResponsibilityTier.Town, WarningLevelSet.All, ResponsibilityDuties.Acknowledge));
            officers.Add(Officer(officerId++, person, town.Code, OfficerRole.TownOfficer, usedPhones));
        }
        var duty = registry.PersonsUnder(registry.County.Code).FirstOrDefault(p => p.Phone is not null && !usedPhones.Contains(p.Phone));
        if (duty is not null)
        {
            responsibilities.Add(new Responsibility(registry.County.Code, officerId, ResponsibilityTier.County, WarningLevelSet.All, ResponsibilityDuties.Acknowledge));
            officers.Add(Officer(officerId++, duty, registry.County.Code, OfficerRole.CountyOfficer, usedPhones));
        }
        foreach (var village in registry.Villages)
        {
            var second = registry.PersonsInVillage(village.Code).FirstOrDefault(p => p.Phone is not null && !usedPhones.Contains(p.Phone));
            if (second is null) continue;
            responsibilities.Add(new Responsibility(village.Code, officerId, ResponsibilityTier.Village, WarningLevelSet.All, ResponsibilityDuties.DoorToDoor));
            officers.Add(Officer(officerId++, second, village.Code, OfficerRole.VillageCadre, usedPhones));
        }
        // The bureau's own test terminal and test follower, for Test and Exercise bulletins.
        var first = registry.Villages[0];
        terminals.Add(new Terminal("ip-test-bureau", first.Code, Channels.LoudspeakerIp, ipAddressOf(first, -1), IsTest: true));
        subscribers.Add(new Subscriber("o-test-bureau-synthetic-0001", first.Code, null, IsTest: true));
        return new CountyEndpoints(terminals, subscribers, officers, responsibilities);
    }

    /// <summary>
    /// The registry with a 包户干部 (cadre_id) for every household of a village that has village cadres with a
    /// door-to-door duty: households are dealt out among them in turn.
    /// </summary>
    public static CountyRegistry AssignCadres(CountyRegistry registry, CountyEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(endpoints);
        var turn = new Dictionary<string, int>(StringComparer.Ordinal);
        var households = registry.Households.Select(h =>
        {
            var cadres = endpoints.ResponsibilitiesOf(h.VillageCode)
                .Where(r => r.Tier == ResponsibilityTier.Village && r.GoesDoorToDoor).Select(r => r.OfficerId).ToList();
            if (cadres.Count == 0) return h;
            var next = turn.GetValueOrDefault(h.VillageCode);
            turn[h.VillageCode] = next + 1;
            return h with { CadreId = cadres[next % cadres.Count] };
        }).ToList();
        return registry.WithPopulation(households, registry.Persons);
    }

    private static Officer Officer(long id, Person person, string regionCode, OfficerRole role, HashSet<string> usedPhones)
    {
        usedPhones.Add(person.Phone!);
        return new Officer(id, person.Name, person.Phone!, regionCode, role);
    }
}
