using WarningHub.Core.Geo;
using WarningHub.Core.Planning;
using WarningHub.Core.Registry;
using WarningHub.Core.Tests.Registry;

namespace WarningHub.Core.Tests.Planning;

public sealed class EndpointPlannerTests
{
    private static readonly CountyRegistry Tiny = TinyCounty.Build();

    private static readonly CountyEndpoints Endpoints = new(
        [
            new Terminal("t1", TinyCounty.TownVillage, Channels.LoudspeakerIp, "rtp://127.0.0.1:5001", false),
            new Terminal("t2", TinyCounty.OtherTownVillage, Channels.LoudspeakerIp, "rtp://127.0.0.1:5002", false),
            new Terminal("t3", TinyCounty.SeatVillage, Channels.LoudspeakerSerial, "serial:tts1", false),
            new Terminal("t-test", TinyCounty.SeatVillage, Channels.LoudspeakerIp, "rtp://127.0.0.1:5999", true),
        ],
        [
            new Subscriber("o-a", TinyCounty.TownVillage, 1, false),
            new Subscriber("o-b", TinyCounty.SeatCommunity, 2, false),
            new Subscriber("o-test", TinyCounty.SeatCommunity, null, true),
        ],
        [new Officer(1, "村干部", "13800138001", TinyCounty.TownVillage, OfficerRole.VillageCadre)]);

    private static readonly PlanChannels All = new(
        new HashSet<string> { Channels.Sms, Channels.WeChat, Channels.WeCom, Channels.Tv, Channels.LoudspeakerIp, Channels.LoudspeakerSerial },
        ["jingyan-tv1", "leshan-tv2"],
        new Dictionary<string, string> { [TinyCounty.Town] = TinyCounty.Town });

    private static WarningPlan PlanFor(bool testOnly, params string[] codes) =>
        WarningPlanner.Plan(3, new PlanTarget(codes, new GeoArea([], []), testOnly), Tiny, Endpoints, All, 1000);

    private static List<string> Addresses(WarningPlan plan, string channel) =>
        plan.Channels.SingleOrDefault(c => c.Channel == channel)?.Slots.Select(s => s.Address).ToList() ?? [];

    [Fact]
    public void Plan_TownTarget_TakesTheTownsTerminalsFollowersAndRobot()
    {
        var plan = PlanFor(false, TinyCounty.Town);

        Assert.Equal(["rtp://127.0.0.1:5001", "rtp://127.0.0.1:5002"], Addresses(plan, Channels.LoudspeakerIp).Order());
        Assert.Empty(Addresses(plan, Channels.LoudspeakerSerial));
        Assert.Equal(["o-a"], Addresses(plan, Channels.WeChat));
        Assert.Equal([TinyCounty.Town], Addresses(plan, Channels.WeCom));
        Assert.Equal(["jingyan-tv1", "leshan-tv2"], Addresses(plan, Channels.Tv));
    }

    [Fact]
    public void Plan_TestOnly_TakesTestEndpointsOnly_AndNeverTv()
    {
        var plan = PlanFor(true, "511124");

        Assert.Equal(["rtp://127.0.0.1:5999"], Addresses(plan, Channels.LoudspeakerIp));
        Assert.Equal(["o-test"], Addresses(plan, Channels.WeChat));
        Assert.Empty(Addresses(plan, Channels.Tv));
        Assert.Empty(Addresses(plan, Channels.LoudspeakerSerial));
    }

    [Fact]
    public void Plan_ChannelsNoAdapterServes_AreNotPlanned()
    {
        var plan = WarningPlanner.Plan(3, new PlanTarget(["511124"], new GeoArea([], []), false), Tiny, Endpoints, PlanChannels.SmsOnly, 1000);

        Assert.Equal([Channels.Sms], plan.Channels.Select(c => c.Channel));
    }
}
