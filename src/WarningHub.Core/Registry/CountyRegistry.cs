namespace WarningHub.Core.Registry;

/// <summary>
/// The recipient registry of one county: its towns and villages, households and persons. Immutable once built.
/// Persons are indexed by village (an index array in village-code order), so every target, from one village to
/// the whole county, resolves to one contiguous slice without copying persons. Safe for concurrent readers.
/// </summary>
public sealed partial class CountyRegistry
{
    private readonly Dictionary<string, Region> regionsByCode;
    private readonly Region[] villages;          // sorted by code (ordinal, which is numeric for equal-length codes)
    private readonly Person[] persons;           // as given
    private readonly int[] personOrder;          // indexes into persons, grouped by village in village order
    private readonly int[] villageStart;         // villages.Length + 1 offsets into personOrder
    private readonly Dictionary<long, int> householdIndex;

    /// <summary>Builds and checks a registry; every inconsistency is reported at once.</summary>
    /// <exception cref="RegistryValidationException">A region, household or person is inconsistent.</exception>
    public CountyRegistry(IEnumerable<Region> regions, IEnumerable<Household> households, IEnumerable<Person> persons)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(households);
        ArgumentNullException.ThrowIfNull(persons);

        var errors = new ValidationErrors();
        var regionArray = regions.ToArray();
        var householdArray = households.ToArray();
        this.persons = persons.ToArray();

        regionsByCode = IndexRegions(regionArray, errors, out var county);
        villages = [.. regionsByCode.Values.Where(r => r.Level == RegionLevel.Village)
            .OrderBy(r => r.Code, StringComparer.Ordinal)];
        var villageIndex = new Dictionary<string, int>(villages.Length, StringComparer.Ordinal);
        for (var i = 0; i < villages.Length; i++)
        {
            villageIndex[villages[i].Code] = i;
        }

        householdIndex = IndexHouseholds(householdArray, villageIndex, errors, out var householdVillage);
        (personOrder, villageStart) = GroupPersons(this.persons, householdArray, householdVillage, errors);
        errors.ThrowIfAny();

        Regions = Array.AsReadOnly(regionsByCode.Values.OrderBy(r => r.Code, StringComparer.Ordinal).ToArray());
        County = county!;
        Towns = Array.AsReadOnly(regionsByCode.Values.Where(r => r.Level == RegionLevel.Town)
            .OrderBy(r => r.Code, StringComparer.Ordinal).ToArray());
        Villages = Array.AsReadOnly(villages);
        Households = Array.AsReadOnly(householdArray);
        Persons = Array.AsReadOnly(this.persons);
    }

    /// <summary>The county (县) itself.</summary>
    public Region County { get; }

    /// <summary>Towns and sub-districts (镇/街道) in code order.</summary>
    public IReadOnlyList<Region> Towns { get; }

    /// <summary>Villages and communities (村/社区) in code order.</summary>
    public IReadOnlyList<Region> Villages { get; }

    /// <summary>Households in the order given.</summary>
    public IReadOnlyList<Household> Households { get; }

    /// <summary>Persons in the order given; <see cref="PersonSelection.Indexes"/> index into this list.</summary>
    public IReadOnlyList<Person> Persons { get; }

    /// <summary>All regions in code order: the county, then each town followed by its villages.</summary>
    public IReadOnlyList<Region> Regions { get; }

    /// <summary>A copy of this registry's regions with another population, checked like a new registry.</summary>
    public CountyRegistry WithPopulation(IEnumerable<Household> households, IEnumerable<Person> persons) =>
        new(Regions, households, persons);

    /// <summary>The region with this code at any level ("511124", "511124101", "511124101000"), or null.</summary>
    /// <exception cref="FormatException">The code is not 2, 4, 6, 9 or 12 digits.</exception>
    public Region? FindRegion(string code) =>
        regionsByCode.GetValueOrDefault(DivisionCode.ToFull(code));

    /// <summary>The town (镇/街道) of a village, or null if the village's town is not in this registry.</summary>
    /// <exception cref="FormatException">The code is not 12 digits.</exception>
    public Region? TownOf(string villageCode) =>
        regionsByCode.GetValueOrDefault(DivisionCode.TownCodeOf(villageCode));

    /// <summary>The household with this id, or null.</summary>
    public Household? FindHousehold(long id) =>
        householdIndex.TryGetValue(id, out var index) ? Households[index] : null;

    /// <summary>
    /// Villages under a division code of any level: province "51", city "5111", county "511124", town
    /// "511124101", a village itself, or any of these as a zero-padded 12-digit code. Unknown codes give an
    /// empty list. The list is a view; nothing is copied.
    /// </summary>
    /// <exception cref="FormatException">The code is not 2, 4, 6, 9 or 12 digits.</exception>
    public IReadOnlyList<Region> VillagesUnder(string code)
    {
        var (first, end) = VillageRange(DivisionCode.GetPrefix(code));
        return new ArraySegment<Region>(villages, first, end - first);
    }

    /// <summary>Persons of one village or community, in the order given.</summary>
    /// <exception cref="FormatException">The code is not 12 digits.</exception>
    /// <exception cref="ArgumentException">The code is a town or county code: use <see cref="PersonsUnder"/>.</exception>
    public PersonSelection PersonsInVillage(string villageCode)
    {
        if (!DivisionCode.IsFull(villageCode))
        {
            throw new FormatException($"'{villageCode}' is not a 12-digit village code.");
        }

        if (DivisionCode.LevelOf(villageCode) != RegionLevel.Village)
        {
            throw new ArgumentException(
                $"'{villageCode}' is not a village code; use {nameof(PersonsUnder)} for towns and counties.",
                nameof(villageCode));
        }

        return PersonsUnder(villageCode);
    }

    /// <summary>Persons in every village under a division code of any level (see <see cref="VillagesUnder"/>).</summary>
    /// <exception cref="FormatException">The code is not 2, 4, 6, 9 or 12 digits.</exception>
    public PersonSelection PersonsUnder(string code)
    {
        var (first, end) = VillageRange(DivisionCode.GetPrefix(code));
        var start = villageStart[first];
        return new PersonSelection(persons, personOrder, start, villageStart[end] - start);
    }

    private (int First, int End) VillageRange(string prefix)
    {
        var first = LowerBound(prefix, inclusive: true);
        var end = LowerBound(prefix, inclusive: false);
        return (first, end);
    }

    // First village whose code's first prefix.Length characters compare >= prefix (inclusive) or > prefix.
    private int LowerBound(string prefix, bool inclusive)
    {
        int low = 0, high = villages.Length;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            var head = villages[mid].Code.AsSpan(0, prefix.Length);
            var cmp = head.SequenceCompareTo(prefix);
            if (cmp < 0 || (!inclusive && cmp == 0))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
