using System.Globalization;
using System.Runtime.InteropServices;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Planning;

/// <summary>
/// Turns a target into slots: persons of the target areas, SMS slots deduplicated by phone number (a phone shared
/// by a household gets one message and stands for all its persons), in village order so shards follow villages.
/// Test routing is structural: a test-only plan never contains a public recipient.
/// </summary>
public static class WarningPlanner
{
    public const string SmsChannel = Channels.Sms;

    /// <summary>An SMS-only plan.</summary>
    public static WarningPlan Plan(long warningId, PlanTarget target, CountyRegistry registry, int shardSize) =>
        Plan(warningId, target, registry, CountyEndpoints.Empty, PlanChannels.SmsOnly, shardSize);

    /// <summary>
    /// A plan for every served channel: SMS to persons' phones; WeChat to followers and loudspeakers of the target
    /// villages; one WeCom robot message per touched town; one caption per TV channel (Actual warnings only).
    /// </summary>
    public static WarningPlan Plan(long warningId, PlanTarget target, CountyRegistry registry, CountyEndpoints endpoints, PlanChannels channels, int shardSize)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(channels);
        var selected = Select(target, registry);
        var villages = TargetVillages(target, registry, selected);
        var plans = new List<ChannelPlan>();
        if (channels.SmsToOfficers)
        {
            // Officers only: no person of the public is targeted, and the SMS goes to the area's officers.
            if (channels.Serves(Channels.Sms) && EndpointPlanner.PlanOfficers(registry, endpoints, channels, villages, shardSize) is { } officers) plans.Add(officers);
            plans.AddRange(EndpointPlanner.Plan(target, registry, endpoints, channels, villages, shardSize));
            return new WarningPlan(warningId, [], plans);
        }
        var (targets, sms) = PlanSms(registry, selected, shardSize);
        if (channels.Serves(Channels.Sms)) plans.Add(sms);
        plans.AddRange(EndpointPlanner.Plan(target, registry, endpoints, channels, villages, shardSize));
        return new WarningPlan(warningId, targets, plans);
    }

    /// <summary>
    /// The villages a target covers, whoever may receive it: those under its division codes and those with a person
    /// inside its shapes. Officers answer for these (叫应) even when a Test or Exercise reaches test recipients only.
    /// </summary>
    public static IReadOnlyCollection<string> VillagesOf(PlanTarget target, CountyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(registry);
        var everyone = target with { TestRecipientsOnly = false };
        return TargetVillages(everyone, registry, Select(everyone, registry));
    }

    private static (List<VillageTarget> Targets, ChannelPlan Sms) PlanSms(CountyRegistry registry, bool[] selected, int shardSize)
    {

        // Sized for the most slots there can be (one per selected person), so the list never grows. Phones are
        // deduplicated by the registry's phone numbering: one array lookup per person, no hashing.
        var selectedCount = selected.Count(s => s);
        var slots = new List<PlannedSlot>(selectedCount);
        var phones = registry.Phones;
        var slotOfPhone = new int[phones.Count]; // slot index + 1; 0 while the phone has no slot
        var targets = new List<VillageTarget>();
        foreach (var village in registry.Villages)
        {
            var persons = 0;
            var withoutPhone = 0;
            var villageCode = long.Parse(village.Code, CultureInfo.InvariantCulture);
            var inVillage = registry.PersonsInVillage(village.Code);
            foreach (var index in inVillage.Indexes)
            {
                if (!selected[index]) continue;
                persons++;
                var key = phones.KeyOf(index);
                if (key < 0)
                {
                    withoutPhone++;
                    continue;
                }
                ref var slotIndex = ref slotOfPhone[key];
                if (slotIndex > 0)
                {
                    ref var slot = ref CollectionsMarshal.AsSpan(slots)[slotIndex - 1];
                    slot = slot with { Persons = slot.Persons + 1 };
                }
                else
                {
                    slots.Add(new PlannedSlot(registry.Persons[index].Phone!, villageCode, 1));
                    slotIndex = slots.Count;
                }
            }
            if (persons > 0) targets.Add(new VillageTarget(villageCode, persons, withoutPhone));
        }
        return (targets, new ChannelPlan(SmsChannel, slots, shardSize));
    }

    /// <summary>Villages under the target's codes, and villages with a person inside its shapes.</summary>
    private static SortedSet<string> TargetVillages(PlanTarget target, CountyRegistry registry, bool[] selected)
    {
        var villages = new SortedSet<string>(target.AreaCodes.SelectMany(c => registry.VillagesUnder(c)).Select(v => v.Code), StringComparer.Ordinal);
        foreach (var village in registry.Villages)
        {
            if (villages.Contains(village.Code)) continue;
            foreach (var index in registry.PersonsInVillage(village.Code).Indexes)
            {
                if (!selected[index]) continue;
                villages.Add(village.Code);
                break;
            }
        }
        return villages;
    }

    /// <summary>Marks the persons a target selects, by their position in <see cref="CountyRegistry.Persons"/>: whom reach counts.</summary>
    public static bool[] SelectPersons(PlanTarget target, CountyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(registry);
        return Select(target, registry);
    }

    /// <summary>Marks the selected persons by their position in the registry.</summary>
    private static bool[] Select(PlanTarget target, CountyRegistry registry)
    {
        var persons = registry.Persons;
        var selected = new bool[persons.Count];
        foreach (var code in target.AreaCodes)
        {
            foreach (var index in registry.PersonsUnder(code).Indexes) selected[index] = true;
        }
        if (!target.Shapes.IsEmpty)
        {
            for (var i = 0; i < persons.Count; i++)
            {
                if (selected[i]) continue;
                var p = persons[i];
                if (p.Latitude is { } lat && p.Longitude is { } lon && target.Shapes.Contains(lat, lon)) selected[i] = true;
            }
        }
        if (target.TestRecipientsOnly)
        {
            for (var i = 0; i < persons.Count; i++) selected[i] &= persons[i].IsTestRecipient;
        }
        return selected;
    }
}
