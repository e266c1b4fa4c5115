using Microsoft.Extensions.DependencyInjection;
using WarningHub.Core.Ledger;
using ChannelNames = WarningHub.Core.Planning.Channels;
using WarningHub.Core.Registry;
using WarningHub.EndToEnd.Tests.Feeds;
using WarningHub.Simulators.Speakers;

namespace WarningHub.EndToEnd.Tests.Loudspeakers;

/// <summary>IP loudspeakers (村村响) over RTP: the hub streams the bulletin to each village's terminal, repeats it, and stops on cancel.</summary>
public sealed class IpLoudspeakerTests
{
    private static readonly TimeSpan RepeatEvery = TimeSpan.FromSeconds(9);

    [Fact]
    public async Task RedWarning_StreamsTheBulletinToEachVillage_RepeatsIt_AndACancelCutsThePlayingRepeat_StartsNoFurtherRound_AndPlaysTheAllClearOnce()
    {
        await using var first = await LoudspeakerHub.StartSpeakerAsync("jy-a");
        await using var second = await LoudspeakerHub.StartSpeakerAsync("jy-b");
        SimulatedSpeaker[] speakers = [first, second];
        List<string> villages = [];
        await using var hub = await TestHub.StartAsync(persons: 300, settings: LoudspeakerHub.Settings(repeatEvery: RepeatEvery), endpoints: registry =>
        {
            villages = LoudspeakerHub.Villages(registry, 2);
            return new CountyEndpoints([LoudspeakerHub.Terminal("jy-a", villages[0], first.RtpAddress), LoudspeakerHub.Terminal("jy-b", villages[1], second.RtpAddress)], [], []);
        });
        foreach (var speaker in speakers) await hub.ConnectAsync(speaker);

        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var id = await hub.SubmitAcceptedAsync(alert);
        Assert.True(await Eventually.TrueAsync(() => speakers.All(s => s.Streams.Count >= 1), TimeSpan.FromSeconds(30)), "round 0 reached each village's terminal");
        Assert.True(await Eventually.TrueAsync(() => speakers.All(s => s.Streams.Count >= 2), RepeatEvery * 3), "a repeat round followed");

        // Mid-broadcast: the repeat's stream has only begun (a bulletin lasts about 7 s).
        var atCancel = speakers.Select(s => s.Streams.Count).ToArray();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var playedAtCancel = speakers.Select(s => s.Streams[^1].Packets).ToArray();
        var cancel = await hub.SubmitAcceptedAsync(LiveWarning.CancelOf(alert));
        var acceptedMs = clock.ElapsedMilliseconds;
        // The all-clear (解除) plays once on each terminal that played the warning; no further round of the warning comes.
        Assert.True(await Eventually.TrueAsync(() => speakers.Select((s, i) => s.Streams.Count - atCancel[i]).All(n => n >= 1), TimeSpan.FromSeconds(30)),
            "the all-clear reached each terminal");
        var allClearMs = clock.ElapsedMilliseconds;
        await hub.WaitAllFinalAsync(cancel);
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var reach = await hub.ReachAsync(cancel);
            return villages.All(v => LoudspeakerHub.VillageChannel(reach, v, ChannelNames.LoudspeakerIp).Count("delivered") == 1);
        }, TimeSpan.FromSeconds(30)), "every village's terminal confirmed the all-clear's play");
        var cancelRecord = (await hub.Store().GetAsync(cancel, default))!;
        Assert.Equal(0, await hub.App.Services.GetRequiredService<ILedgerMaintenance>().LastRoundAsync(cancelRecord.Id, default));

        Assert.All(speakers, s => Assert.Equal(atCancel[Array.IndexOf(speakers, s)] + 1, s.Streams.Count));
        // The repeat that was playing was cut off: less than a whole bulletin; the all-clear after it is whole.
        Assert.All(speakers, s => Assert.True(s.Streams[1].Packets < s.Streams[0].Packets,
            $"{s.Options.Id}: the repeat played {s.Streams[1].Packets} packets of {s.Streams[0].Packets}; {playedAtCancel[Array.IndexOf(speakers, s)]} when the cancel was sent, accepted after {acceptedMs} ms, all-clear after {allClearMs} ms"));
        Assert.All(speakers, s => Assert.True(s.Streams[^1].Packets > 100, $"{s.Options.Id}: the all-clear played {s.Streams[^1].Packets} packets"));
        var record = (await hub.Store().GetAsync(id, default))!;
        Assert.Equal(1, await hub.App.Services.GetRequiredService<ILedgerMaintenance>().LastRoundAsync(record.Id, default));
        Assert.Equal("Cancelled", await hub.StateOfAsync(id));
        foreach (var speaker in speakers)
        {
            // Round 0 has ended: a whole bulletin of G.711 μ-law, in order, and sound rather than silence.
            var played = speaker.Streams[0];
            Assert.Equal(0, played.PayloadType);
            Assert.True(played.Packets > 100, $"{speaker.Options.Id} got {played.Packets} packets");
            Assert.Equal((0L, 0), (played.Lost, played.SequenceGaps));
            Assert.True(played.Samples.Max(s => Math.Abs((int)s)) > 4000, "the stream carries the alert tone");
        }

        // Each terminal reported its round-0 play; reach counts it per village.
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var reach = await hub.ReachAsync(id);
            return villages.All(v => LoudspeakerHub.VillageChannel(reach, v, ChannelNames.LoudspeakerIp).Count("delivered") == 1);
        }, TimeSpan.FromSeconds(20)), "every village's terminal confirmed its play");
        var final = await hub.ReachAsync(id);
        Assert.All(villages, v => Assert.Equal(0, LoudspeakerHub.VillageChannel(final, v, ChannelNames.LoudspeakerIp).Count("offline")));
    }

}
