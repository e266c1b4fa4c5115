using System.Globalization;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Planning;

/// <summary>
/// Slots for the channels that reach places and groups rather than phones. One slot stands for one endpoint
/// (a terminal, a follower, a robot, a TV channel): their reach is counted in endpoints, not persons.
/// Test routing is structural here too: test-only plans take test terminals and followers only, officers'
/// robots (not the public), and never TV.
/// </summary>
internal static class EndpointPlanner
{
    public static IEnumerable<ChannelPlan> Plan(PlanTarget target, CountyRegistry registry, CountyEndpoints endpoints,
        PlanChannels channels, SortedSet<string> villages, int shardSize)
    {
        var testOnly = target.TestRecipientsOnly;
        foreach (var channel in new[] { Channels.LoudspeakerIp, Channels.LoudspeakerSerial })
        {
            if (!channels.Serves(channel)) continue;
            var slots = (testOnly ? endpoints.Terminals.Where(t => t.IsTest) : villages.SelectMany(endpoints.TerminalsOf).Where(t => !t.IsTest))
                .Where(t => t.Channel == channel)
                .Select(t => new PlannedSlot(t.Address, Code(t.VillageCode), 1))
                .DistinctBy(s => s.Address, StringComparer.Ordinal)
                .ToList();
            if (slots.Count > 0) yield return new ChannelPlan(channel, slots, shardSize);
        }

        if (channels.Serves(Channels.Broadcaster))
        {
            // Broadcasters are officers, not the public; a test bulletin reaches them marked as a test.
            var slots = villages.SelectMany(endpoints.OfficersOf).Where(o => o.Role == OfficerRole.Broadcaster)
                .Select(o => new PlannedSlot(o.Phone, Code(o.RegionCode), 1))
                .DistinctBy(s => s.Address, StringComparer.Ordinal)
                .ToList();
            if (slots.Count > 0) yield return new ChannelPlan(Channels.Broadcaster, slots, shardSize);
        }

        if (channels.Serves(Channels.WeChat))
        {
            var slots = (testOnly ? endpoints.Subscribers.Where(s => s.IsTest) : villages.SelectMany(endpoints.SubscribersOf).Where(s => !s.IsTest))
                // The address names the account followed: the router sends through it and no other.
                .Select(s => new PlannedSlot(s.Address, Code(s.VillageCode), 1))
                .DistinctBy(s => s.Address, StringComparer.Ordinal)
                .ToList();
            if (slots.Count > 0) yield return new ChannelPlan(Channels.WeChat, slots, shardSize);
        }

        if (channels.Serves(Channels.WeCom))
        {
            var towns = villages.Select(v => registry.TownOf(v)?.Code).OfType<string>().Distinct(StringComparer.Ordinal);
            var slots = towns.Where(channels.RobotsByTown.ContainsKey)
                .Select(t => new PlannedSlot(channels.RobotsByTown[t], Code(t), 1))
                .ToList();
            if (slots.Count > 0) yield return new ChannelPlan(Channels.WeCom, slots, shardSize);
        }

        if (channels.Serves(Channels.Tv) && !testOnly && channels.TvChannels.Count > 0)
        {
            var county = Code(registry.County.Code);
            yield return new ChannelPlan(Channels.Tv, channels.TvChannels.Select(c => new PlannedSlot(c, county, 1)).ToList(), shardSize);
        }
    }

    /// <summary>
    /// The SMS of an officers-only warning: one slot per phone of the officers of the target villages, their towns and
    /// the county; broadcasters are left to their own channel when it is served (they get the bulletin link there).
    /// </summary>
    /// <param name="registry">The county.</param>
    /// <param name="endpoints">Its officers.</param>
    /// <param name="channels">The channels of the plan (whether broadcasters have their own).</param>
    /// <param name="villages">The target villages.</param>
    /// <param name="shardSize">Slots per shard.</param>
    public static ChannelPlan? PlanOfficers(CountyRegistry registry, CountyEndpoints endpoints, PlanChannels channels, SortedSet<string> villages, int shardSize)
    {
        var regions = new List<string>(villages);
        regions.AddRange(villages.Select(v => registry.TownOf(v)?.Code).OfType<string>().Distinct(StringComparer.Ordinal));
        regions.Add(registry.County.Code);
        var slots = regions.SelectMany(endpoints.OfficersOf)
            .Where(o => !(o.Role == OfficerRole.Broadcaster && channels.Serves(Channels.Broadcaster)))
            .Select(o => new PlannedSlot(o.Phone, Code(o.RegionCode), 1))
            .DistinctBy(s => s.Address, StringComparer.Ordinal)
            .ToList();
        return slots.Count > 0 ? new ChannelPlan(Channels.Sms, slots, shardSize) : null;
    }

    private static long Code(string code) => long.Parse(code, CultureInfo.InvariantCulture);
}
