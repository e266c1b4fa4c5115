using System.Globalization;

namespace WarningHub.Core.Registry;

// Consistency checks run once on construction. Rows are 1-based positions in the sequences given, which are
// the data rows of the CSV files when the registry is loaded from them.
public sealed partial class CountyRegistry
{
    private static Dictionary<string, Region> IndexRegions(Region[] regions, ValidationErrors errors, out Region? county)
    {
        county = null;
        var byCode = new Dictionary<string, Region>(regions.Length, StringComparer.Ordinal);
        var firstRow = new Dictionary<string, int>(regions.Length, StringComparer.Ordinal);
        for (var i = 0; i < regions.Length; i++)
        {
            var region = regions[i];
            var row = $"regions row {i + 1}";
            if (region is null)
            {
                errors.Add($"{row}: is null");
                continue;
            }

            row = $"{row} ({region.Code} {region.Name})";
            if (!DivisionCode.IsFull(region.Code))
            {
                errors.Add($"{row}: code must be 12 digits");
                continue;
            }

            if (!firstRow.TryAdd(region.Code, i))
            {
                errors.Add($"{row}: code duplicates regions row {firstRow[region.Code] + 1}");
                continue;
            }

            if (string.IsNullOrWhiteSpace(region.Name))
            {
                errors.Add($"{row}: name is empty");
            }

            if (DivisionCode.LevelOf(region.Code) != region.Level)
            {
                errors.Add($"{row}: level {region.Level} does not match the code, which denotes " +
                    $"{DivisionCode.LevelOf(region.Code)?.ToString() ?? "a level above the county"}");
                continue;
            }

            if (region.Level == RegionLevel.County)
            {
                if (county is not null)
                {
                    errors.Add($"{row}: a second county; a registry holds one county ({county.Code})");
                    continue;
                }

                county = region;
            }

            byCode[region.Code] = region;
        }

        if (county is null)
        {
            errors.Add("regions: no county row (level county)");
        }

        CheckParents(regions, byCode, county, errors);
        return byCode;
    }

    private static void CheckParents(Region[] regions, Dictionary<string, Region> byCode, Region? county, ValidationErrors errors)
    {
        for (var i = 0; i < regions.Length; i++)
        {
            var region = regions[i];
            if (region is null || !byCode.TryGetValue(region.Code, out var indexed) || !ReferenceEquals(indexed, region))
            {
                continue;
            }

            var expected = region.Level switch
            {
                RegionLevel.Town => county?.Code,
                RegionLevel.Village => DivisionCode.TownCodeOf(region.Code),
                _ => null,
            };
            var row = $"regions row {i + 1} ({region.Code} {region.Name})";
            if (region.Level == RegionLevel.County && region.ParentCode is { Length: > 0 } && byCode.ContainsKey(region.ParentCode))
            {
                errors.Add($"{row}: the county's parent must lie outside the registry");
            }
            else if (region.Level != RegionLevel.County && region.ParentCode != expected)
            {
                errors.Add($"{row}: parent_code '{region.ParentCode}' should be '{expected}'");
            }
            else if (region.Level == RegionLevel.Village && !byCode.ContainsKey(expected!))
            {
                errors.Add($"{row}: its town {expected} is not in the registry");
            }
            else if (region.Level == RegionLevel.Town && county is not null && !region.Code.StartsWith(county.Code[..6], StringComparison.Ordinal))
            {
                errors.Add($"{row}: the town is not under county {county.Code}");
            }
        }
    }

    private static Dictionary<long, int> IndexHouseholds(
        Household[] households, Dictionary<string, int> villageIndex, ValidationErrors errors, out int[] householdVillage)
    {
        var index = new Dictionary<long, int>(households.Length);
        householdVillage = new int[households.Length];
        for (var i = 0; i < households.Length; i++)
        {
            householdVillage[i] = -1;
            var household = households[i];
            if (household is null)
            {
                errors.Add($"households row {i + 1}: is null");
                continue;
            }

            var row = new RowName("households", i, household.Id);
            if (!index.TryAdd(household.Id, i))
            {
                errors.Add($"{row}: id duplicates households row {index[household.Id] + 1}");
                continue;
            }

            if (!DivisionCode.IsFull(household.VillageCode))
            {
                errors.Add($"{row}: village_code '{household.VillageCode}' must be 12 digits");
            }
            else if (!villageIndex.TryGetValue(household.VillageCode, out householdVillage[i]))
            {
                householdVillage[i] = -1;
                errors.Add($"{row}: village {household.VillageCode} is not a village of the registry");
            }

            CheckLocation(row, household.Latitude, household.Longitude, errors);
        }

        return index;
    }

    private (int[] Order, int[] Start) GroupPersons(
        Person[] people, Household[] households, int[] householdVillage, ValidationErrors errors)
    {
        CheckDuplicatePersonIds(people, errors);
        var villageOf = new int[people.Length];
        var start = new int[villages.Length + 1];
        for (var i = 0; i < people.Length; i++)
        {
            villageOf[i] = -1;
            var person = people[i];
            if (person is null)
            {
                errors.Add($"persons row {i + 1}: is null");
                continue;
            }

            var row = new RowName("persons", i, person.Id);
            if (person.Phone is not null && !PhoneNumber.IsNormalized(person.Phone))
            {
                errors.Add($"{row}: phone {PhoneNumber.Mask(person.Phone)} is not a normalised 11-digit mobile number");
            }

            CheckLocation(row, person.Latitude, person.Longitude, errors);
            if (!householdIndex.TryGetValue(person.HouseholdId, out var h))
            {
                errors.Add($"{row}: household {person.HouseholdId} does not exist");
                continue;
            }

            var village = householdVillage[h];
            if (village >= 0 && !string.Equals(person.VillageCode, households[h].VillageCode, StringComparison.Ordinal))
            {
                errors.Add($"{row}: village_code '{person.VillageCode}' differs from household {person.HouseholdId}'s village {households[h].VillageCode}");
            }
            else if (village >= 0)
            {
                villageOf[i] = village;
                start[village + 1]++;
            }
        }

        for (var v = 0; v < villages.Length; v++)
        {
            start[v + 1] += start[v];
        }

        // Counting sort: stable, so persons keep their given order inside a village.
        var next = start[..^1];
        var order = new int[start[^1]];
        for (var i = 0; i < villageOf.Length; i++)
        {
            if (villageOf[i] >= 0)
            {
                order[next[villageOf[i]]++] = i;
            }
        }

        return (order, start);
    }

    // Sorting a copy of the ids costs 8 bytes a person, against about 40 for a hash set of a million ids.
    private static void CheckDuplicatePersonIds(Person[] people, ValidationErrors errors)
    {
        var ids = new long[people.Length];
        for (var i = 0; i < people.Length; i++)
        {
            ids[i] = people[i]?.Id ?? long.MinValue;
        }

        Array.Sort(ids);
        HashSet<long>? duplicated = null;
        for (var i = 1; i < ids.Length; i++)
        {
            if (ids[i] == ids[i - 1] && ids[i] != long.MinValue)
            {
                (duplicated ??= []).Add(ids[i]);
            }
        }

        if (duplicated is null)
        {
            return;
        }

        var firstRow = new Dictionary<long, int>();
        for (var i = 0; i < people.Length; i++)
        {
            var id = people[i]?.Id ?? long.MinValue;
            if (duplicated.Contains(id) && !firstRow.TryAdd(id, i))
            {
                errors.Add($"persons row {i + 1} (id {id}): id duplicates persons row {firstRow[id] + 1}");
            }
        }
    }

    private static void CheckLocation(RowName row, double? latitude, double? longitude, ValidationErrors errors)
    {
        if (latitude.HasValue != longitude.HasValue)
        {
            errors.Add($"{row}: latitude and longitude must both be given or both be empty");
        }
        else if (latitude is < -90 or > 90 || double.IsNaN(latitude ?? 0)
            || longitude is < -180 or > 180 || double.IsNaN(longitude ?? 0))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{row}: location {latitude},{longitude} is out of range"));
        }
    }

    // Formats "persons row 12 (id 345)" only when an error is reported: a million clean rows allocate nothing.
    private readonly record struct RowName(string Table, int Index, long Id)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Table} row {Index + 1} (id {Id})");
    }

    private sealed class ValidationErrors
    {
        private const int MaxListed = 200;
        private readonly List<string> listed = [];
        private int total;

        public void Add(string error)
        {
            if (++total <= MaxListed)
            {
                listed.Add(error);
            }
        }

        public void ThrowIfAny()
        {
            if (total > 0)
            {
                throw new RegistryValidationException(listed, total);
            }
        }
    }
}
