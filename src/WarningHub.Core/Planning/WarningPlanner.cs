using System.Globalization;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Planning;

/// <summary>
/// Turns a target into slots: persons of the target areas, SMS slots deduplicated by phone number (a phone shared
/// by a household gets one message and stands for all its persons), in village order so shards follow villages.
/// Test routing is structural: a test-only plan never contains a public recipient.
/// </summary>
public static class WarningPlanner
{
    public const string SmsChannel = "sms";

    public static WarningPlan Plan(long warningId, PlanTarget target, CountyRegistry registry, int shardSize)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(registry);
        var selected = Select(target, registry);

        var slots = new List<PlannedSlot>();
        var byPhone = new Dictionary<string, int>(StringComparer.Ordinal);
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
                var person = registry.Persons[index];
                if (person.Phone is null)
                {
                    withoutPhone++;
                    continue;
                }
                if (byPhone.TryGetValue(person.Phone, out var slotIndex))
                {
                    var s = slots[slotIndex];
                    slots[slotIndex] = s with { Persons = s.Persons + 1 };
                }
                else
                {
                    byPhone.Add(person.Phone, slots.Count);
                    slots.Add(new PlannedSlot(person.Phone, villageCode, 1));
                }
            }
            if (persons > 0) targets.Add(new VillageTarget(villageCode, persons, withoutPhone));
        }
        return new WarningPlan(warningId, targets, [new ChannelPlan(SmsChannel, slots, shardSize)]);
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
