using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

public class CountyRegistryValidationTests
{
    [Fact]
    public void Construction_OfConsistentRows_Succeeds()
    {
        var registry = TinyCounty.Build();

        Assert.Equal(10, registry.Persons.Count);
    }

    [Fact]
    public void Construction_HouseholdInUnknownVillage_NamesTheRow()
    {
        var households = TinyCounty.Households();
        households[2] = households[2] with { VillageCode = "511124100299" };

        var error = Assert.Throws<RegistryValidationException>(() => new CountyRegistry(TinyCounty.Regions(), households, TinyCounty.Persons()));

        Assert.Contains(error.Errors, e => e.StartsWith("households row 3 (id 3)", StringComparison.Ordinal) && e.Contains("511124100299", StringComparison.Ordinal));
    }

    [Fact]
    public void Construction_PersonOfMissingHousehold_NamesTheRow()
    {
        var persons = TinyCounty.Persons();
        persons[4] = persons[4] with { HouseholdId = 99 };

        var error = Assert.Throws<RegistryValidationException>(() => new CountyRegistry(TinyCounty.Regions(), TinyCounty.Households(), persons));

        var line = Assert.Single(error.Errors);
        Assert.Equal("persons row 5 (id 5): household 99 does not exist", line);
    }

    [Fact]
    public void Construction_PersonVillageDifferentFromHouseholdVillage_IsAnError()
    {
        var persons = TinyCounty.Persons();
        persons[0] = persons[0] with { VillageCode = TinyCounty.OtherTownVillage };

        var error = Assert.Throws<RegistryValidationException>(() => new CountyRegistry(TinyCounty.Regions(), TinyCounty.Households(), persons));

        Assert.Contains("persons row 1 (id 1): village_code '511124100202' differs from household 1's village 511124100201", error.Errors);
    }

    [Fact]
    public void Construction_DuplicateIds_NameBothRows()
    {
        var persons = TinyCounty.Persons();
        persons[7] = persons[7] with { Id = 3 };
        var households = TinyCounty.Households().Append(new Household(2, TinyCounty.SeatVillage, "重复", null, null)).ToArray();

        var error = Assert.Throws<RegistryValidationException>(() => new CountyRegistry(TinyCounty.Regions(), households, persons));

        Assert.Contains("persons row 8 (id 3): id duplicates persons row 3", error.Errors);
        Assert.Contains("households row 6 (id 2): id duplicates households row 2", error.Errors);
    }

    [Theory]
    [InlineData("51112410020")]
    [InlineData("5111241002011")]
    [InlineData("51112410020x")]
    public void Construction_RegionCodeNotTwelveDigits_IsAnError(string code)
    {
        var regions = TinyCounty.Regions().Append(new Region(code, "坏村", RegionLevel.Village, TinyCounty.Town));

        var error = Assert.Throws<RegistryValidationException>(() => new CountyRegistry(regions, [], []));

        Assert.Contains(error.Errors, e => e.Contains(code, StringComparison.Ordinal) && e.EndsWith("code must be 12 digits", StringComparison.Ordinal));
    }

    [Fact]
    public void Construction_VillageWithWrongParent_IsAnError()
    {
        var regions = TinyCounty.Regions().Append(new Region("511124100203", "错村", RegionLevel.Village, TinyCounty.Seat));

        var error = Assert.Throws<RegistryValidationException>(() => new CountyRegistry(regions, [], []));

        Assert.Contains(error.Errors, e => e.Contains("parent_code '511124001000' should be '511124100000'", StringComparison.Ordinal));
    }

    [Fact]
    public void Construction_LevelThatContradictsTheCode_IsAnError()
    {
        var regions = TinyCounty.Regions().Append(new Region("511124100203", "错级", RegionLevel.Town, TinyCounty.County));

        var error = Assert.Throws<RegistryValidationException>(() => new CountyRegistry(regions, [], []));

        Assert.Contains(error.Errors, e => e.Contains("level Town does not match the code, which denotes Village", StringComparison.Ordinal));
    }

    [Fact]
    public void Construction_UnnormalisedPhone_IsAnErrorThatMasksTheNumber()
    {
        var persons = TinyCounty.Persons();
        persons[1] = persons[1] with { Phone = "+86 130 0013 0002" };

        var error = Assert.Throws<RegistryValidationException>(() => new CountyRegistry(TinyCounty.Regions(), TinyCounty.Households(), persons));

        var line = Assert.Single(error.Errors);
        Assert.StartsWith("persons row 2 (id 2): phone ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("0013", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Construction_SeveralProblems_ReportsThemAllAtOnce()
    {
        var persons = TinyCounty.Persons();
        persons[0] = persons[0] with { HouseholdId = 98 };
        persons[9] = persons[9] with { HouseholdId = 99 };
        var regions = TinyCounty.Regions().Where(r => r.Level != RegionLevel.County);

        var error = Assert.Throws<RegistryValidationException>(() => new CountyRegistry(regions, TinyCounty.Households(), persons));

        Assert.Contains("regions: no county row (level county)", error.Errors);
        Assert.Contains("persons row 1 (id 1): household 98 does not exist", error.Errors);
        Assert.Contains("persons row 10 (id 10): household 99 does not exist", error.Errors);
        Assert.True(error.TotalErrorCount >= 3);
    }
}
