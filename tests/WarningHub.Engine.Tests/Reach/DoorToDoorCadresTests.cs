using WarningHub.Core.Registry;
using WarningHub.Engine.Reach;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Tests.Reach;

/// <summary>Whose page lists which households: the village's responsible cadre all of them, a 包户干部 their own.</summary>
public sealed class DoorToDoorCadresTests
{
    private const string Village = "511124100201";
    private const string Other = "511124100202";

    [Fact]
    public void ResponsibleCadre_SeesTheWholeVillage_ABaohuCadreOnlyTheirOwnHouseholds_AndNobodyElseGetsALink()
    {
        var cadres = Cadres(out var households);

        Assert.Equal([1L, 2L, 3L], cadres.Of(Village).Select(o => o.Id));
        var responsible = cadres.Find(Village, 1)!;
        var baohu = cadres.Find(Village, 2)!;
        var named = cadres.Find(Village, 3)!;
        Assert.Null(cadres.HouseholdsOf(responsible, Village));
        Assert.Equal([11L], households.Where(cadres.HouseholdsOf(baohu, Village)!).Select(h => h.Id));
        Assert.Equal([12L], households.Where(cadres.HouseholdsOf(named, Village)!).Select(h => h.Id));
        Assert.True(cadres.MayMark(responsible, households[1]));
        Assert.True(cadres.MayMark(baohu, households[0]));
        Assert.False(cadres.MayMark(baohu, households[1]));
        Assert.Null(cadres.Find(Village, 4)); // a town officer has no door-to-door duty here
        Assert.Null(cadres.Find(Other, 1));
        Assert.False(cadres.MayMark(responsible, households[2]));
    }

    private static DoorToDoorCadres Cadres(out List<Household> households)
    {
        households =
        [
            new(11, Village, "一村1组1号", null, null) { CadreId = 2 },
            new(12, Village, "一村1组2号", null, null) { CadreId = 3 },
            new(13, Other, "二村1组1号", null, null),
        ];
        var registry = new CountyRegistry(
            [new("511124000000", "井研县", RegionLevel.County, "511100000000"), new("511124100000", "示例镇", RegionLevel.Town, "511124000000"),
             new(Village, "一村", RegionLevel.Village, "511124100000"), new(Other, "二村", RegionLevel.Village, "511124100000")],
            households,
            [new(1, "居民1", null, 11, Village, null, null, false), new(2, "居民2", null, 12, Village, null, null, false), new(3, "居民3", null, 13, Other, null, null, false)]);
        Officer[] officers =
        [
            new(1, "村支书", "13900139001", Village, OfficerRole.VillageCadre),
            new(2, "包户甲", "13900139002", Village, OfficerRole.VillageCadre),
            new(3, "包户乙", "13900139003", Village, OfficerRole.VillageCadre),
            new(4, "镇值班", "13900139004", "511124100000", OfficerRole.TownOfficer),
        ];
        Responsibility[] responsibilities =
        [
            new(Village, 1, ResponsibilityTier.Village, WarningLevelSet.All, ResponsibilityDuties.Acknowledge | ResponsibilityDuties.DoorToDoor),
            new(Village, 2, ResponsibilityTier.Village, WarningLevelSet.All, ResponsibilityDuties.DoorToDoor),
            new("511124100000", 4, ResponsibilityTier.Town, WarningLevelSet.All, ResponsibilityDuties.Acknowledge),
        ];
        return new DoorToDoorCadres(new RegistryHolder { Current = registry, Endpoints = new CountyEndpoints([], [], officers, responsibilities) });
    }
}
