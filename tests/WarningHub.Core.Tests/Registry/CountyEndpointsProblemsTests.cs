using WarningHub.Core.Planning;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

public sealed class CountyEndpointsProblemsTests
{
    private static readonly CountyRegistry Tiny = TinyCounty.Build();

    [Fact]
    public void Problems_EndpointsThatFit_AreNone()
    {
        var endpoints = new CountyEndpoints(
            [new Terminal("t1", TinyCounty.TownVillage, Channels.LoudspeakerIp, "rtp://10.1.2.3:5004", false)],
            [new Subscriber("oA", TinyCounty.TownVillage, 1, false), new Subscriber("oB", TinyCounty.TownVillage, null, true)],
            [new Officer(1, "甲", "13800138001", TinyCounty.Town, OfficerRole.TownOfficer), new Officer(2, "乙", "13800138002", TinyCounty.TownVillage, OfficerRole.Broadcaster)]);

        Assert.Empty(endpoints.Problems(Tiny));
    }

    [Fact]
    public void Problems_NameEachMisfitWithoutPhonesOrWholeOpenIds()
    {
        var endpoints = new CountyEndpoints(
            [
                new Terminal("t1", TinyCounty.TownVillage, "loudspeaker", "rtp://10.1.2.3:5004", false),
                new Terminal("t2", TinyCounty.TownVillage, Channels.LoudspeakerSerial, "rtp://10.1.2.3:5004", false),
                new Terminal("t2", TinyCounty.TownVillage, Channels.LoudspeakerIp, "rtp://10.1.2.4:5004", false),
            ],
            [new Subscriber("oSubscriber1", TinyCounty.TownVillage, 2, false), new Subscriber("oSubscriber1", TinyCounty.TownVillage, 99, false)],
            [new Officer(1, "甲", "13800138001", TinyCounty.Town, OfficerRole.Broadcaster), new Officer(1, "乙", "1380013800", TinyCounty.TownVillage, OfficerRole.VillageCadre)]);

        var problems = endpoints.Problems(Tiny);

        Assert.Equal(
            [
                "terminal t1: channel 'loudspeaker' does not play terminals (expected loudspeakerIp or loudspeakerSerial)",
                "terminal t2: address 'rtp://10.1.2.3:5004' does not start with 'serial:' (serial:<port> or serial:<port>#<slave>/<coil>)",
                "terminal id t2 appears 2 times",
                "subscriber oSubsc…: household 2 is in village 511124001001, not 511124100201",
                "subscriber oSubsc…: household 99 is not in the registry",
                "subscriber oSubsc… appears 2 times",
                "officer 1: a broadcaster answers for a village, but 511124100000 is a town",
                "officer 1: phone is not a normalised mobile number",
                "officer id 1 appears 2 times",
            ],
            problems);
    }
}
