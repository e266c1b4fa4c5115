using WarningHub.Core.Geo;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

public class CountyGeneratorTests
{
    private const int Persons = 20_000;

    private static readonly Lazy<CountyRegistry> Sample = new(() => SampleCounty.Generate(Persons));

    [Fact]
    public void Generate_GivesExactlyTheRequestedPersonsInEveryVillage()
    {
        var registry = Sample.Value;

        Assert.Equal(Persons, registry.Persons.Count);
        Assert.Equal(Persons, registry.PersonsUnder("511124").Count);
        Assert.All(registry.Villages, v => Assert.True(registry.PersonsInVillage(v.Code).Count > 50, v.Name));
    }

    [Fact]
    public void Generate_SameSeed_GivesTheSamePopulation()
    {
        var again = SampleCounty.Generate(Persons);

        Assert.Equal(Sample.Value.Persons, again.Persons);
        Assert.Equal(Sample.Value.Households, again.Households);
    }

    [Fact]
    public void Generate_OtherSeed_GivesAnotherPopulation()
    {
        var other = SampleCounty.Generate(Persons, seed: 8);

        Assert.NotEqual(Sample.Value.Persons.Select(p => p.Phone), other.Persons.Select(p => p.Phone));
    }

    [Fact]
    public void Generate_HouseholdsHoldOneToSixPersonsOfTheirVillage()
    {
        var registry = Sample.Value;
        var sizes = registry.Persons.GroupBy(p => p.HouseholdId).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(registry.Households.Count, sizes.Count);
        Assert.All(sizes.Values, size => Assert.InRange(size, 1, 6));
        Assert.InRange(sizes.Values.Average(), 2.8, 3.7);
    }

    [Fact]
    public void Generate_HouseholdsLieWithinJitterOfTheirVillage()
    {
        var registry = Sample.Value;

        Assert.All(registry.Households, h =>
        {
            var village = registry.FindRegion(h.VillageCode)!;
            var seat = new GeoPoint(village.Latitude!.Value, village.Longitude!.Value);
            Assert.True(seat.DistanceKmTo(new GeoPoint(h.Latitude!.Value, h.Longitude!.Value)) <= 1.51);
        });
    }

    [Fact]
    public void Generate_OperatorSplitIsAboutSixtyTwentyTwenty()
    {
        var phones = Sample.Value.Persons.Where(p => p.Phone is not null).Select(p => p.Phone!).Distinct().ToList();
        var byOperator = phones.GroupBy(MobileOperators.OperatorOf).ToDictionary(g => g.Key, g => (double)g.Count() / phones.Count);

        Assert.False(byOperator.ContainsKey(MobileOperator.Unknown));
        Assert.InRange(byOperator[MobileOperator.ChinaMobile], 0.57, 0.63);
        Assert.InRange(byOperator[MobileOperator.ChinaUnicom], 0.17, 0.23);
        Assert.InRange(byOperator[MobileOperator.ChinaTelecom], 0.17, 0.23);
    }

    [Fact]
    public void Generate_AboutEightPercentHaveNoPhone()
    {
        var share = Sample.Value.Persons.Count(p => p.Phone is null) / (double)Persons;

        Assert.InRange(share, 0.07, 0.09);
    }

    [Fact]
    public void Generate_PhonesAreUniqueExceptAboutThreePercentSharedWithinAHousehold()
    {
        var withPhone = Sample.Value.Persons.Where(p => p.Phone is not null).ToList();
        var groups = withPhone.GroupBy(p => p.Phone).Where(g => g.Count() > 1).ToList();
        var sharers = groups.Sum(g => g.Count() - 1);

        Assert.All(groups, g => Assert.Single(g.Select(p => p.HouseholdId).Distinct()));
        Assert.InRange(sharers / (double)Persons, 0.02, 0.04);
        Assert.All(withPhone, p => Assert.True(PhoneNumber.IsNormalized(p.Phone)));
    }

    [Fact]
    public void Generate_FlagsTheRequestedTestRecipientsSpreadOverVillagesEachWithOwnPhone()
    {
        var registry = Sample.Value;
        var testers = registry.Persons.Where(p => p.IsTestRecipient).ToList();
        var phoneCounts = registry.Persons.Where(p => p.Phone is not null).Select(p => p.Phone!).CountBy(phone => phone).ToDictionary();

        Assert.Equal(20, testers.Count);
        Assert.Equal(20, testers.Select(p => p.VillageCode).Distinct().Count());
        Assert.All(testers, t => Assert.Equal(1, phoneCounts[t.Phone!]));
    }

    [Fact]
    public void Generate_ExplicitTestRecipientCount_IsHonoured()
    {
        var registry = SampleCounty.Generate(2_000, testRecipients: 150);

        Assert.Equal(150, registry.Persons.Count(p => p.IsTestRecipient));
    }

    [Fact]
    public void Generate_NamesAreChineseAndAddressesNameTownAndVillage()
    {
        var registry = Sample.Value;
        var household = registry.Households[0];

        Assert.All(registry.Persons.Take(500), p => Assert.InRange(p.Name.Length, 2, 3));
        Assert.StartsWith(registry.TownOf(household.VillageCode)!.Name + registry.FindRegion(household.VillageCode)!.Name, household.Address, StringComparison.Ordinal);
        Assert.EndsWith("号", household.Address, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_NegativeCount_IsRejected()
    {
        var generator = new CountyGenerator(new CountyGeneratorOptions { PersonCount = -1 });

        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Generate(SampleCounty.LoadRegions()));
    }

    [Fact]
    public void Generate_OneMillionPersons_IndexesEveryoneByVillage()
    {
        var registry = SampleCounty.Generate(1_000_000, seed: 3);

        Assert.Equal(1_000_000, registry.PersonsUnder("511124000000").Count);
        Assert.Equal(
            registry.Villages.Sum(v => registry.PersonsInVillage(v.Code).Count),
            registry.Towns.Sum(t => registry.PersonsUnder(t.Code).Count));
        Assert.Equal(1_000_000, registry.Persons[^1].Id);
    }
}
