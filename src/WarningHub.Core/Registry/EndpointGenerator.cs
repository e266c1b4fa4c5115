using System.Globalization;
using WarningHub.Core.Planning;

namespace WarningHub.Core.Registry;

/// <summary>
/// Synthetic endpoints for a generated county: one IP loudspeaker per village (a serial one too in every fourth),
/// WeChat followers in about a quarter of households, a cadre and a broadcaster per village, a duty officer per town.
/// Addresses come from the caller so the demo can point them at its simulators.
/// </summary>
public static class EndpointGenerator
{
    public static CountyEndpoints Generate(CountyRegistry registry, Func<Region, int, string> ipAddressOf, Func<Region, int, string> serialAddressOf, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(ipAddressOf);
        ArgumentNullException.ThrowIfNull(serialAddressOf);
        var random = new SyntheticRandom((ulong)seed);
        var terminals = new List<Terminal>();
        var subscribers = new List<Subscriber>();
        var officers = new List<Officer>();
        long officerId = 1;
        for (var v = 0; v < registry.Villages.Count; v++)
        {
            var village = registry.Villages[v];
            terminals.Add(new Terminal($"ip-{village.Code}", village.Code, Channels.LoudspeakerIp, ipAddressOf(village, v), IsTest: false));
            if (v % 4 == 0) terminals.Add(new Terminal($"serial-{village.Code}", village.Code, Channels.LoudspeakerSerial, serialAddressOf(village, v), IsTest: false));
            var persons = registry.PersonsInVillage(village.Code);
            var withPhone = persons.Where(p => p.Phone is not null).Take(2).ToList();
            if (withPhone.Count > 0) officers.Add(new Officer(officerId++, withPhone[0].Name, withPhone[0].Phone!, village.Code, OfficerRole.VillageCadre));
            if (withPhone.Count > 1) officers.Add(new Officer(officerId++, withPhone[1].Name, withPhone[1].Phone!, village.Code, OfficerRole.Broadcaster));
        }
        foreach (var household in registry.Households)
        {
            if (random.NextDouble() >= 0.25) continue;
            // 28 characters, as WeChat's openids are: the simulated WeChat API (like WeChat) refuses any other length.
            var openId = "o" + household.Id.ToString("x8", CultureInfo.InvariantCulture) + random.Next(0x10000).ToString("x4", CultureInfo.InvariantCulture)
                + "_synthetic_" + random.Next(0x10000).ToString("x4", CultureInfo.InvariantCulture);
            subscribers.Add(new Subscriber(openId, household.VillageCode, household.Id, IsTest: false));
        }
        foreach (var town in registry.Towns)
        {
            var person = registry.PersonsUnder(town.Code).FirstOrDefault(p => p.Phone is not null);
            if (person is not null) officers.Add(new Officer(officerId++, person.Name, person.Phone!, town.Code, OfficerRole.TownOfficer));
        }
        // The bureau's own test terminal and test follower, for Test and Exercise bulletins.
        var first = registry.Villages[0];
        terminals.Add(new Terminal("ip-test-bureau", first.Code, Channels.LoudspeakerIp, ipAddressOf(first, -1), IsTest: true));
        subscribers.Add(new Subscriber("o-test-bureau-synthetic-0001", first.Code, null, IsTest: true));
        return new CountyEndpoints(terminals, subscribers, officers);
    }
}
