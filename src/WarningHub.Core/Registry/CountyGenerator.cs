using System.Globalization;

namespace WarningHub.Core.Registry;

/// <summary>
/// Generates a synthetic population for a registry's villages: households of 1-6 persons scattered around
/// their village's seat, invented names, and mobile numbers spread over the three operators. Deterministic:
/// the same regions and options give the same persons, names and phones on any runtime (its own generator, not
/// <see cref="Random"/>); coordinates go through Math.Sin/Cos, which may differ in the last bit between CPU
/// architectures, so they are rounded to 6 decimals (about 0.1 m). Nothing it makes describes real people.
/// </summary>
public sealed class CountyGenerator(CountyGeneratorOptions? options = null)
{
    private const double KmPerDegreeLatitude = 111.32;
    private const int HouseholdsPerGroup = 30;   // 村民小组 (组) numbering in addresses

    // Household sizes 1..6, cumulative weights; mean about 3.25 persons.
    private static readonly double[] HouseholdSizes = [0.12, 0.34, 0.59, 0.79, 0.91, 1.0];

    private readonly CountyGeneratorOptions options = options ?? new CountyGeneratorOptions();

    /// <summary>A registry with <paramref name="regions"/>' regions and a freshly generated population.</summary>
    public CountyRegistry Generate(CountyRegistry regions)
    {
        var population = GeneratePopulation(regions);
        return regions.WithPopulation(population.Households, population.Persons);
    }

    /// <summary>Households and persons for the villages of <paramref name="regions"/>, grouped by village in code order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">Persons are requested for a registry without villages.</exception>
    public SyntheticPopulation GeneratePopulation(CountyRegistry regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        options.Validate();
        var villages = regions.Villages;
        if (villages.Count == 0 && options.PersonCount > 0)
        {
            throw new ArgumentException("The registry has no villages to place persons in.", nameof(regions));
        }

        var random = new SyntheticRandom(unchecked((ulong)options.Seed));
        var phones = new SyntheticPhones(ref random);
        var quotas = VillageQuotas(villages, options.PersonCount, ref random);
        var testQuotas = new int[villages.Count];
        for (var t = 0; t < options.TestRecipientCount; t++)
        {
            testQuotas[(int)((long)t * villages.Count / options.TestRecipientCount)]++;
        }

        var batch = new PopulationBatch(options, new SyntheticNames(), options.PersonCount);
        for (var v = 0; v < villages.Count; v++)
        {
            var village = villages[v];
            var (latitude, longitude) = SeatOf(regions, village);
            var address = (regions.TownOf(village.Code)?.Name ?? string.Empty) + village.Name;
            batch.AddVillage(village.Code, address, latitude, longitude, quotas[v], testQuotas[v], ref random, ref phones);
        }

        return new SyntheticPopulation(Array.AsReadOnly(batch.Households.ToArray()), Array.AsReadOnly(batch.Persons));
    }

    // Largest-remainder split of the persons over villages; communities (社区, code 0xx) are town seats and weigh double.
    private static int[] VillageQuotas(IReadOnlyList<Region> villages, int personCount, ref SyntheticRandom random)
    {
        var weights = new double[villages.Count];
        var total = 0.0;
        for (var v = 0; v < weights.Length; v++)
        {
            var community = villages[v].Code[9] == '0';
            weights[v] = (0.6 + (0.8 * random.NextDouble())) * (community ? 2.0 : 1.0);
            total += weights[v];
        }

        var quotas = new int[weights.Length];
        var remainders = new (double Remainder, int Village)[weights.Length];
        var assigned = 0;
        for (var v = 0; v < weights.Length; v++)
        {
            var exact = personCount * weights[v] / total;
            quotas[v] = (int)exact;
            assigned += quotas[v];
            remainders[v] = (exact - quotas[v], v);
        }

        Array.Sort(remainders, (a, b) => b.Remainder != a.Remainder ? b.Remainder.CompareTo(a.Remainder) : a.Village.CompareTo(b.Village));
        for (var i = 0; assigned < personCount; i++, assigned++)
        {
            quotas[remainders[i % remainders.Length].Village]++;
        }

        return quotas;
    }

    private static (double? Latitude, double? Longitude) SeatOf(CountyRegistry regions, Region village)
    {
        foreach (var region in (Region?[])[village, regions.TownOf(village.Code), regions.County])
        {
            if (region is { Latitude: { } latitude, Longitude: { } longitude })
            {
                return (latitude, longitude);
            }
        }

        return (null, null);
    }

    private static (double Latitude, double Longitude) Scatter(double latitude, double longitude, double km, ref SyntheticRandom random)
    {
        // Uniform over a disc: radius grows with the square root of a uniform draw.
        var radius = km * Math.Sqrt(random.NextDouble());
        var angle = 2 * Math.PI * random.NextDouble();
        var dLat = radius * Math.Cos(angle) / KmPerDegreeLatitude;
        var dLon = radius * Math.Sin(angle) / (KmPerDegreeLatitude * Math.Cos(latitude * Math.PI / 180));
        return (Math.Round(latitude + dLat, 6), Math.Round(longitude + dLon, 6));
    }

    private sealed class PopulationBatch(CountyGeneratorOptions options, SyntheticNames names, int personCount)
    {
        private readonly double shareWithinHousehold = ShareWithinHousehold(options);
        private int personCountSoFar;

        public List<Household> Households { get; } = new(personCount / 3);

        public Person[] Persons { get; } = new Person[personCount];

        public void AddVillage(
            string code, string address, double? latitude, double? longitude, int quota, int testQuota,
            ref SyntheticRandom random, ref SyntheticPhones phones)
        {
            for (var house = 0; quota > 0; house++)
            {
                var size = Math.Min(random.NextWeighted(HouseholdSizes) + 1, quota);
                quota -= size;
                double? lat = null, lon = null;
                if (latitude is { } seatLat && longitude is { } seatLon)
                {
                    (lat, lon) = Scatter(seatLat, seatLon, options.JitterKm, ref random);
                }

                var householdId = Households.Count + 1L;
                Households.Add(new Household(
                    householdId,
                    code,
                    string.Create(CultureInfo.InvariantCulture, $"{address}{(house / HouseholdsPerGroup) + 1}组{(house % HouseholdsPerGroup) + 1}号"),
                    lat,
                    lon));

                var familyName = random.Next(SyntheticNames.SurnameCount);
                string? householdPhone = null;
                for (var member = 0; member < size; member++)
                {
                    // The second member is often a spouse with their own surname.
                    var surname = member == 1 && random.NextDouble() < 0.8 ? random.Next(SyntheticNames.SurnameCount) : familyName;
                    var name = names.Get(surname, random.Next(SyntheticNames.GivenNameCount));
                    var isTest = testQuota > 0;
                    string? phone;
                    if (isTest)
                    {
                        testQuota--;
                        phone = phones.Next(ref random);
                    }
                    else
                    {
                        var draw = random.NextDouble();
                        phone = draw < options.NoPhoneShare ? null
                            : member > 0 && householdPhone is not null && draw < options.NoPhoneShare + shareWithinHousehold ? householdPhone
                            : phones.Next(ref random);
                    }

                    if (!isTest)
                    {
                        // An officer's phone stays theirs alone, so test messages reach no one else.
                        householdPhone ??= phone;
                    }
                    Persons[personCountSoFar] = new Person(personCountSoFar + 1L, name, phone, householdId, code, lat, lon, isTest);
                    personCountSoFar++;
                }
            }
        }

        // Only persons after the first of a household whose earlier members have a phone can share one, so the
        // overall share is divided by the expected fraction of such persons.
        private static double ShareWithinHousehold(CountyGeneratorOptions options)
        {
            double persons = 0, eligible = 0, previous = 0;
            for (var size = 1; size <= HouseholdSizes.Length; size++)
            {
                var probability = HouseholdSizes[size - 1] - previous;
                previous = HouseholdSizes[size - 1];
                persons += probability * size;
                for (var member = 1; member < size; member++)
                {
                    eligible += probability * (1 - Math.Pow(options.NoPhoneShare, member));
                }
            }

            var fraction = eligible / persons;
            return fraction > 0 ? Math.Min(options.SharedPhoneShare / fraction, 1 - options.NoPhoneShare) : 0;
        }
    }
}
