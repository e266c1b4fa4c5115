using WarningHub.Core.Geo;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

public class SampleCountyTests
{
    private static readonly GeoPoint CountySeat = new(29.65093, 104.06475);

    [Fact]
    public void Jingyan_HasItsFifteenTownsAndSubDistricts()
    {
        var registry = SampleCounty.LoadRegions();

        Assert.Equal("511124000000", registry.County.Code);
        Assert.Equal("井研县", registry.County.Name);
        Assert.Equal(
            ["研城街道", "马踏镇", "竹园镇", "研经镇", "周坡镇", "千佛镇", "王村镇", "三江镇", "东林镇", "集益镇", "纯复镇", "宝五镇", "镇阳镇", "高凤镇", "门坎镇"],
            registry.Towns.Select(t => t.Name));
    }

    [Fact]
    public void Jingyan_Has119VillagesAndCommunitiesInEveryTown()
    {
        var registry = SampleCounty.LoadRegions();

        Assert.Equal(119, registry.Villages.Count);
        Assert.All(registry.Towns, town => Assert.InRange(registry.VillagesUnder(town.Code).Count, 5, 20));
        Assert.Equal(119, registry.VillagesUnder("5111").Count);
    }

    [Fact]
    public void Jingyan_EveryRegionHasCoordinatesWithin30KmOfTheCountySeat()
    {
        var registry = SampleCounty.LoadRegions();

        Assert.All(registry.Regions, region =>
        {
            Assert.NotNull(region.Latitude);
            var distance = CountySeat.DistanceKmTo(new GeoPoint(region.Latitude!.Value, region.Longitude!.Value));
            Assert.True(distance < 30, $"{region.Name} lies {distance:F1} km from the county seat");
        });
    }

    [Fact]
    public void Jingyan_HasNoPopulationCommitted()
    {
        var registry = SampleCounty.LoadRegions();

        Assert.Empty(registry.Persons);
        Assert.Empty(registry.Households);
    }
}
