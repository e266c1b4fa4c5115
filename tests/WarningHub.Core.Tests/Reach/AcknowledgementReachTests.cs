using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Reach;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Reach;

/// <summary>叫应 per region in the reach report: each call counts where it answers and is rolled up village → town → county.</summary>
public sealed class AcknowledgementReachTests
{
    private const string County = "511124000000";
    private const string TownA = "511124100000";
    private const string TownB = "511124101000";
    private const string VillageA1 = "511124100201";
    private const string VillageA2 = "511124100202";
    private const string VillageB1 = "511124101201";
    private static readonly DateTimeOffset Sent = new(2026, 7, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ByRegion_CountsEachCallInItsRegions_AndRollsThemUpToTownAndCounty_OncePerOfficer()
    {
        var calls = new[]
        {
            Call(1, ResponsibilityTier.Village, [VillageA1], answeredAfterSeconds: 30),
            Call(2, ResponsibilityTier.Village, [VillageA2], answeredAfterSeconds: null),
            Call(3, ResponsibilityTier.Village, [VillageA1, VillageA2], answeredAfterSeconds: 90), // two villages, one officer
            Call(4, ResponsibilityTier.Village, [VillageB1], answeredAfterSeconds: 60),
            Call(5, ResponsibilityTier.Town, [TownA], answeredAfterSeconds: 120),
            Call(6, ResponsibilityTier.County, [County], answeredAfterSeconds: null),
        };

        var byRegion = AcknowledgementReach.ByRegion(calls, Registry());

        Assert.Equal(new RegionAcknowledgements(2, 2, 60), byRegion[VillageA1]); // officers 1 and 3: median of 30 s and 90 s
        Assert.Equal(new RegionAcknowledgements(2, 1, 90), byRegion[VillageA2]);
        Assert.Equal(new RegionAcknowledgements(1, 1, 60), byRegion[VillageB1]);
        Assert.Equal(new RegionAcknowledgements(4, 3, 90), byRegion[TownA]); // 1, 2, 3 and the town's own officer 5
        Assert.Equal(new RegionAcknowledgements(1, 1, 60), byRegion[TownB]);
        Assert.Equal(new RegionAcknowledgements(6, 4, 75), byRegion[County]); // 30, 60, 90, 120
    }

    [Fact]
    public void ByRegion_WithoutAnswers_HasNoMedian_AndARegionNobodyAnswersForIsAbsent()
    {
        var byRegion = AcknowledgementReach.ByRegion([Call(1, ResponsibilityTier.Village, [VillageA1], answeredAfterSeconds: null)], Registry());

        Assert.Equal(new RegionAcknowledgements(1, 0, null), byRegion[VillageA1]);
        Assert.False(byRegion.ContainsKey(VillageB1));
        Assert.False(byRegion.ContainsKey(TownB));
    }

    private static Acknowledgement Call(long officer, ResponsibilityTier tier, IReadOnlyList<string> regions, int? answeredAfterSeconds) =>
        new(1, officer, $"officer {officer}", $"1390000000{officer}", tier, regions, Sent, TimeSpan.FromMinutes(5))
        {
            AnsweredAt = answeredAfterSeconds is { } s ? Sent.AddSeconds(s) : null,
            AnsweredBy = answeredAfterSeconds is null ? null : AcknowledgementMethod.Sms,
        };

    private static CountyRegistry Registry() => new(
        [
            new Region(County, "井研县", RegionLevel.County, "511100000000"),
            new Region(TownA, "甲镇", RegionLevel.Town, County),
            new Region(TownB, "乙镇", RegionLevel.Town, County),
            new Region(VillageA1, "一村", RegionLevel.Village, TownA),
            new Region(VillageA2, "二村", RegionLevel.Village, TownA),
            new Region(VillageB1, "三村", RegionLevel.Village, TownB),
        ],
        [new Household(1, VillageA1, "一村1组1号", null, null)],
        [new Person(1, "居民1", "13800138001", 1, VillageA1, null, null, false)]);
}
