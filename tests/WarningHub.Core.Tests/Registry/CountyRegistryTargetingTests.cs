using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

public class CountyRegistryTargetingTests
{
    private readonly CountyRegistry registry = TinyCounty.Build();

    [Theory]
    [InlineData("51")]
    [InlineData("510000000000")]
    [InlineData("5111")]
    [InlineData("511100000000")]
    [InlineData("511124")]
    [InlineData("511124000000")]
    public void VillagesUnder_ProvinceCityOrCounty_GivesEveryVillageInCodeOrder(string code)
    {
        var codes = registry.VillagesUnder(code).Select(v => v.Code);

        Assert.Equal(
            [TinyCounty.SeatCommunity, TinyCounty.SeatVillage, TinyCounty.TownVillage, TinyCounty.OtherTownVillage],
            codes);
    }

    [Theory]
    [InlineData("511124100")]
    [InlineData("511124100000")]
    public void VillagesUnder_Town_GivesOnlyThatTownsVillages(string code)
    {
        var codes = registry.VillagesUnder(code).Select(v => v.Code);

        Assert.Equal([TinyCounty.TownVillage, TinyCounty.OtherTownVillage], codes);
    }

    [Fact]
    public void VillagesUnder_SubDistrictWithCodeZeroZeroOne_IsNotMistakenForTheCounty()
    {
        var codes = registry.VillagesUnder("511124001000").Select(v => v.Code);

        Assert.Equal([TinyCounty.SeatCommunity, TinyCounty.SeatVillage], codes);
    }

    [Fact]
    public void VillagesUnder_VillageCode_GivesThatVillageAlone()
    {
        var village = Assert.Single(registry.VillagesUnder("511124100201"));

        Assert.Equal("一村", village.Name);
    }

    [Theory]
    [InlineData("52")]
    [InlineData("5112")]
    [InlineData("511125")]
    [InlineData("511124199")]
    [InlineData("511124100299")]
    public void VillagesUnder_CodeOutsideTheRegistry_IsEmpty(string code)
    {
        Assert.Empty(registry.VillagesUnder(code));
        Assert.Empty(registry.PersonsUnder(code));
    }

    [Fact]
    public void VillagesUnder_MalformedCode_Throws()
    {
        Assert.Throws<FormatException>(() => registry.VillagesUnder("5111241"));
    }

    [Fact]
    public void PersonsInVillage_KeepsTheGivenOrderWithinTheVillage()
    {
        var ids = registry.PersonsInVillage(TinyCounty.TownVillage).Select(p => p.Id);

        Assert.Equal([1L, 3L, 5L, 10L], ids);
    }

    [Fact]
    public void PersonsInVillage_TownCode_IsRejectedInFavourOfPersonsUnder()
    {
        Assert.Throws<ArgumentException>(() => registry.PersonsInVillage(TinyCounty.Town));
    }

    [Fact]
    public void PersonsUnder_County_GivesEveryPersonOnceGroupedByVillage()
    {
        var selection = registry.PersonsUnder("511124");

        Assert.Equal(10, selection.Count);
        Assert.Equal([2L, 6L, 7L, 8L, 1L, 3L, 5L, 10L, 4L, 9L], selection.Select(p => p.Id));
        Assert.Equal(Enumerable.Range(0, 10), selection.Indexes.ToArray().Order());
    }

    [Fact]
    public void PersonsUnder_Town_IndexesPointIntoPersons()
    {
        var selection = registry.PersonsUnder("511124100");

        Assert.Equal(6, selection.Count);
        foreach (var index in selection.Indexes)
        {
            Assert.StartsWith("511124100", registry.Persons[index].VillageCode, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FindRegion_AcceptsShortAndPaddedCodes()
    {
        Assert.Equal("井研县", registry.FindRegion("511124")?.Name);
        Assert.Equal("示例镇", registry.FindRegion("511124100")?.Name);
        Assert.Equal("示例镇", registry.FindRegion("511124100000")?.Name);
        Assert.Equal("二村", registry.FindRegion("511124100202")?.Name);
        Assert.Null(registry.FindRegion("511124100203"));
    }

    [Fact]
    public void TownOf_Village_GivesItsTown()
    {
        Assert.Equal("研城街道", registry.TownOf(TinyCounty.SeatVillage)?.Name);
        Assert.Equal("示例镇", registry.TownOf(TinyCounty.OtherTownVillage)?.Name);
    }

    [Fact]
    public void Lists_AreSortedByCodeAndReadOnly()
    {
        Assert.Equal(TinyCounty.County, registry.County.Code);
        Assert.Equal([TinyCounty.Seat, TinyCounty.Town], registry.Towns.Select(t => t.Code));
        Assert.Equal(4, registry.Villages.Count);
        Assert.Equal(5, registry.Households.Count);
        Assert.IsNotType<Person[]>(registry.Persons);
        Assert.Equal(29.70, registry.FindHousehold(1)?.Latitude);
    }
}
