using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

/// <summary>A hand-made county: two towns, four villages, five households, ten persons.</summary>
internal static class TinyCounty
{
    public const string County = "511124000000";
    public const string Seat = "511124001000";         // 街道
    public const string Town = "511124100000";         // 镇
    public const string SeatCommunity = "511124001001";
    public const string SeatVillage = "511124001201";
    public const string TownVillage = "511124100201";
    public const string OtherTownVillage = "511124100202";

    public static Region[] Regions() =>
    [
        new(County, "井研县", RegionLevel.County, "511100000000"),
        new(Town, "示例镇", RegionLevel.Town, County),
        new(Seat, "研城街道", RegionLevel.Town, County),
        new(TownVillage, "一村", RegionLevel.Village, Town),
        new(SeatVillage, "三村", RegionLevel.Village, Seat),
        new(OtherTownVillage, "二村", RegionLevel.Village, Town),
        new(SeatCommunity, "东门社区", RegionLevel.Village, Seat),
    ];

    public static Household[] Households() =>
    [
        new(1, TownVillage, "一村1组1号", 29.70, 104.10),
        new(2, SeatCommunity, "东门社区1组1号", 29.65, 104.06),
        new(3, OtherTownVillage, "二村1组1号", 29.71, 104.12),
        new(4, TownVillage, "一村1组2号", null, null),
        new(5, SeatVillage, "三村1组1号", 29.64, 104.05),
    ];

    public static Person[] Persons() =>
    [
        P(1, 1, TownVillage, "13800138001"),
        P(2, 2, SeatCommunity, "13000130002"),
        P(3, 1, TownVillage, null),
        P(4, 3, OtherTownVillage, "13300133004"),
        P(5, 4, TownVillage, "13800138005"),
        P(6, 2, SeatCommunity, "13000130002"),
        P(7, 5, SeatVillage, "18900189007"),
        P(8, 5, SeatVillage, "18900189008"),
        P(9, 3, OtherTownVillage, "15000150009"),
        P(10, 1, TownVillage, "13800138010"),
    ];

    public static CountyRegistry Build() => new(Regions(), Households(), Persons());

    public static Person P(long id, long household, string village, string? phone) =>
        new(id, $"居民{id}", phone, household, village, null, null, false);
}
