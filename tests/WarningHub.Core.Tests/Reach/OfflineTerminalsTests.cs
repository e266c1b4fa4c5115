using WarningHub.Abstractions;
using WarningHub.Core.Planning;
using WarningHub.Core.Reach;
using WarningHub.Core.Registry;
using WarningHub.Core.Tests.Registry;

namespace WarningHub.Core.Tests.Reach;

public sealed class OfflineTerminalsTests
{
    private static readonly DateTimeOffset At = new(2025, 7, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Count_TerminalsThatCannotPlay_PerChannelAndVillage_LeavingOutHealthyUnknownAndOtherChannels()
    {
        var endpoints = new CountyEndpoints(
        [
            new("a", TinyCounty.TownVillage, Channels.LoudspeakerIp, "rtp://10.0.0.1:5004", false),
            new("b", TinyCounty.TownVillage, Channels.LoudspeakerIp, "rtp://10.0.0.2:5004", false),
            new("c", TinyCounty.TownVillage, Channels.LoudspeakerIp, "rtp://10.0.0.3:5004", false),
            new("d", TinyCounty.TownVillage, Channels.LoudspeakerSerial, "serial:village#2", false),
            new("e", TinyCounty.OtherTownVillage, Channels.LoudspeakerIp, "rtp://10.0.0.5:5004", false),
            new("f", TinyCounty.OtherTownVillage, Channels.LoudspeakerIp, "rtp://10.0.0.6:5004", false),
            new("g", TinyCounty.OtherTownVillage, "somethingElse", "rtp://10.0.0.7:5004", false),
        ], [], []);
        var states = new Dictionary<string, TerminalState>
        {
            ["rtp://10.0.0.1:5004"] = TerminalState.Offline,
            ["rtp://10.0.0.2:5004"] = TerminalState.Fault,
            ["rtp://10.0.0.3:5004"] = TerminalState.Broadcasting,
            ["serial:village#2"] = TerminalState.Stopped,
            ["rtp://10.0.0.5:5004"] = TerminalState.Recovered,
            ["rtp://10.0.0.7:5004"] = TerminalState.Offline,
            // 10.0.0.6 was never heard from: unknown is not offline.
        };

        var offline = OfflineTerminals.Count(endpoints, testOnly: false, (_, address) => StatusOf(states, address));

        Assert.Equal(2, offline.In(Channels.LoudspeakerIp, TinyCounty.TownVillage));
        Assert.Equal(1, offline.In(Channels.LoudspeakerSerial, TinyCounty.TownVillage));
        Assert.Equal(0, offline.In(Channels.LoudspeakerIp, TinyCounty.OtherTownVillage));
        Assert.Equal(0, offline.In("somethingElse", TinyCounty.OtherTownVillage));
        Assert.Equal(2, offline.Total(Channels.LoudspeakerIp));
    }

    [Fact]
    public void Count_ForATestWarning_TakesTestTerminalsOnly_AndATerminalListedTwiceOnce()
    {
        var endpoints = new CountyEndpoints(
        [
            new("public", TinyCounty.TownVillage, Channels.LoudspeakerIp, "rtp://10.0.0.1:5004", false),
            new("bureau", TinyCounty.SeatVillage, Channels.LoudspeakerIp, "rtp://10.0.9.1:5004", true),
            new("bureau-again", TinyCounty.SeatVillage, Channels.LoudspeakerIp, "rtp://10.0.9.1:5004", true),
        ], [], []);

        var test = OfflineTerminals.Count(endpoints, testOnly: true, (_, address) => new TerminalStatus(address, TerminalState.Offline, At));
        var actual = OfflineTerminals.Count(endpoints, testOnly: false, (_, address) => new TerminalStatus(address, TerminalState.Offline, At));

        Assert.Equal((0, 1), (test.In(Channels.LoudspeakerIp, TinyCounty.TownVillage), test.In(Channels.LoudspeakerIp, TinyCounty.SeatVillage)));
        Assert.Equal((1, 0), (actual.In(Channels.LoudspeakerIp, TinyCounty.TownVillage), actual.In(Channels.LoudspeakerIp, TinyCounty.SeatVillage)));
    }

    private static TerminalStatus? StatusOf(Dictionary<string, TerminalState> states, string address) =>
        states.TryGetValue(address, out var state) ? new TerminalStatus(address, state, At) : null;
}
