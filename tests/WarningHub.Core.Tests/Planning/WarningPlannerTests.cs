using WarningHub.Core.Geo;
using WarningHub.Core.Planning;
using WarningHub.Core.Registry;
using WarningHub.Core.Tests.Registry;

namespace WarningHub.Core.Tests.Planning;

public sealed class WarningPlannerTests
{
    // Ten persons: two without a phone (3, 8), one phone shared by a household of three (4, 5, 6),
    // one registered test recipient (2), locations only where a test needs them.
    private static readonly CountyRegistry Tiny = new(TinyCounty.Regions(), TinyCounty.Households(),
    [
        At(TinyCounty.P(1, 1, TinyCounty.TownVillage, "13800138001")),
        TinyCounty.P(2, 2, TinyCounty.SeatCommunity, "13000130002") with { IsTestRecipient = true },
        At(TinyCounty.P(3, 1, TinyCounty.TownVillage, null)),
        TinyCounty.P(4, 3, TinyCounty.OtherTownVillage, "13300133004"),
        TinyCounty.P(5, 3, TinyCounty.OtherTownVillage, "13300133004"),
        TinyCounty.P(6, 3, TinyCounty.OtherTownVillage, "13300133004"),
        TinyCounty.P(7, 5, TinyCounty.SeatVillage, "18900189007"),
        TinyCounty.P(8, 5, TinyCounty.SeatVillage, null),
        TinyCounty.P(9, 4, TinyCounty.TownVillage, "15000150009"),
        TinyCounty.P(10, 2, TinyCounty.SeatCommunity, "13800138010"),
    ]);

    private static Person At(Person p) => p with { Latitude = 29.70, Longitude = 104.10 };

    private static PlanTarget Codes(params string[] codes) => new(codes, new GeoArea([], []), TestRecipientsOnly: false);

    [Fact]
    public void Plan_CountyWide_TargetsEveryPersonAndSendsOneSmsPerPhone()
    {
        var plan = WarningPlanner.Plan(7, Codes("511124"), Tiny, 1000);

        var sms = Assert.Single(plan.Channels);
        Assert.Equal(10, plan.Targets.Sum(t => t.Persons));
        Assert.Equal(2, plan.Targets.Sum(t => t.PersonsWithoutAddress));
        // Persons 4, 5 and 6 share one phone: one message stands for all three.
        Assert.Equal(6, sms.Slots.Count);
        Assert.Equal(sms.Slots.Count, sms.Slots.Select(s => s.Address).Distinct().Count());
        Assert.Equal(3, sms.Slots.Single(s => s.Address == "13300133004").Persons);
        Assert.Equal(8, sms.Slots.Sum(s => s.Persons));
    }

    [Fact]
    public void Plan_TownCode_TargetsOnlyThatTownsVillages()
    {
        var plan = WarningPlanner.Plan(7, Codes(TinyCounty.Town), Tiny, 1000);

        Assert.All(plan.Targets, t => Assert.StartsWith("511124100", t.VillageCode.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal(6, plan.Targets.Sum(t => t.Persons));
    }

    [Fact]
    public void Plan_ForTestOrExercise_ReachesOnlyRegisteredTestRecipients()
    {
        var plan = WarningPlanner.Plan(7, Codes("511124") with { TestRecipientsOnly = true }, Tiny, 1000);

        var slot = Assert.Single(plan.Channels[0].Slots);
        Assert.Equal("13000130002", slot.Address);
        Assert.Equal(1, plan.Targets.Sum(t => t.Persons));
    }

    [Fact]
    public void Plan_Circle_SelectsPersonsByLocation_AndIgnoresThoseWithoutOne()
    {
        // 1 km around (29.70, 104.10): persons 1 and 3 are there; person 9 of the same village has no location.
        var circle = new GeoArea([], [new GeoCircle(new GeoPoint(29.70, 104.10), 1)]);

        var plan = WarningPlanner.Plan(7, new PlanTarget([], circle, false), Tiny, 1000);

        var target = Assert.Single(plan.Targets);
        Assert.Equal(2, target.Persons);
        Assert.Equal(1, target.PersonsWithoutAddress);
    }

    [Fact]
    public void Plan_CodeAndShapeOverlapping_CountsAPersonOnce()
    {
        var circle = new GeoArea([], [new GeoCircle(new GeoPoint(29.70, 104.10), 1)]);

        var plan = WarningPlanner.Plan(7, new PlanTarget([TinyCounty.TownVillage], circle, false), Tiny, 1000);

        Assert.Equal(3, plan.Targets.Sum(t => t.Persons));
    }

    [Fact]
    public void Plan_IsDeterministic_SoAResumedReleasePlansTheSameShards()
    {
        var registry = SampleCounty.Generate(5000, seed: 3);

        var a = WarningPlanner.Plan(1, Codes("511124"), registry, 1000);
        var b = WarningPlanner.Plan(1, Codes("511124"), registry, 1000);

        Assert.Equal(a.Channels[0].Slots, b.Channels[0].Slots);
    }

    [Theory]
    [InlineData(999, new[] { 999 })]
    [InlineData(1000, new[] { 1000 })]
    [InlineData(1001, new[] { 100, 901 })]
    [InlineData(2999, new[] { 100, 1000, 1899 })]
    [InlineData(3100, new[] { 100, 1000, 1000, 1000 })]
    public void Shards_LeadWithASmallOne_ThenAreNeverSmallerThanTheShardSize_UnlessThereIsOnlyOne(int slots, int[] expected)
    {
        var plan = new ChannelPlan("sms", Enumerable.Repeat(new PlannedSlot("13800000000", 1, 1), slots).ToList(), 1000);

        Assert.Equal(expected, plan.Shards().Select(s => s.Count));
        Assert.Equal(slots, plan.Shards().Sum(s => s.Count));
        Assert.Equal(Enumerable.Range(0, expected.Length), plan.Shards().Select(s => s.Index));
        Assert.All(plan.Shards().Zip(plan.Shards().Skip(1)), p => Assert.Equal(p.First.Start + p.First.Count, p.Second.Start));
    }
}
