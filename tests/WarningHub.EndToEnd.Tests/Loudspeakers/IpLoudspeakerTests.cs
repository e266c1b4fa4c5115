using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Core.Ledger;
using ChannelNames = WarningHub.Core.Planning.Channels;
using WarningHub.Core.Registry;
using WarningHub.EndToEnd.Tests.Feeds;
using WarningHub.Simulators.Speakers;
using Quartz;

namespace WarningHub.EndToEnd.Tests.Loudspeakers;

/// <summary>IP loudspeakers (村村响) over RTP: the hub streams the bulletin to each village's terminal, repeats it, and stops on cancel.</summary>
public sealed class IpLoudspeakerTests
{
    private static readonly TimeSpan RepeatEvery = TimeSpan.FromSeconds(9);

    [Fact]
    public async Task RedWarning_StreamsTheBulletinToEachVillage_RepeatsIt_AndACancelCutsThePlayingRepeatAndStartsNoFurtherRound()
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
        await hub.SubmitAcceptedAsync(LiveWarning.CancelOf(alert));
        // Signals, not a watch on the clock: the warning has ended, Quartz holds no repeat of it (so no further round
        // can start), and the repeat that was playing has ended at every terminal.
        var record = (await hub.Store().GetAsync(id, default))!;
        Assert.True(await Eventually.TrueAsync(async () => await hub.StateOfAsync(id) == "Cancelled", TimeSpan.FromSeconds(10)), "the warning was cancelled");
        var quartz = await hub.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(default);
        Assert.True(await Eventually.TrueAsync(async () => !await quartz.Exists(new TriggerKey(record.Id.ToString(CultureInfo.InvariantCulture), "repeat"), default),
            TimeSpan.FromSeconds(10)), "the repeat trigger outlived the cancel");
        Assert.True(await Eventually.TrueAsync(() => speakers.All(s => s.Streams.Count >= 2 && s.Streams.All(x => x.Ended)), TimeSpan.FromSeconds(10)),
            "the playing repeat was cut off");

        // The repeat that was playing was cut off: less than a whole bulletin.
        Assert.All(speakers, s => Assert.True(s.Streams[1].Packets < s.Streams[0].Packets,
            $"{s.Options.Id}: the repeat played {s.Streams[1].Packets} packets of {s.Streams[0].Packets}"));
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
