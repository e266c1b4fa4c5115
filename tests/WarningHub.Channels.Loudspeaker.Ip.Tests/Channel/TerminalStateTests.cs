using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Ip.Tests.Support;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Channel;

/// <summary>
/// The adapter runs on fake time; the simulated terminals send their first heartbeat and each state change over
/// real UDP (their periodic heartbeat is set to an hour so it never interferes).
/// </summary>
public class TerminalStateTests
{
    private static readonly TimeSpan OfflineAfter = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 7, 1, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Broadcast_ToATerminalSilentLongerThanOfflineAfter_IsTemporaryOfflineAndNeverAccepted()
    {
        await using var network = await SpeakerNetwork.StartAsync(o => o.OfflineAfter = OfflineAfter, _time);
        var speaker = await network.AddSpeakerAsync(o => o.HeartbeatInterval = TimeSpan.FromHours(1));
        speaker.GoOffline();
        _time.Advance(OfflineAfter + TimeSpan.FromSeconds(1));

        var result = await network.Channel.BroadcastAsync(Clips.To(speaker.RtpAddress, Clips.MuLaw(5)), CancellationToken.None);

        Assert.Equal((SendOutcome.TemporaryFailure, "OFFLINE"), (result.Outcome, result.ErrorCode));
        Assert.Empty(result.ProviderMessageIds);
        Assert.Equal(TerminalState.Offline, network.StateOf(speaker.RtpAddress));
        Assert.Equal(0, network.Channel.PacketsSent);
    }

    [Fact]
    public async Task StatusOf_AnAddressWithOptions_IsItsTerminalsState_WhileGroupsAndStrangersHaveNone()
    {
        await using var network = await SpeakerNetwork.StartAsync(o => o.OfflineAfter = OfflineAfter, _time);
        var speaker = await network.AddSpeakerAsync(o => o.HeartbeatInterval = TimeSpan.FromHours(1));
        ITerminalMonitor monitor = network.Channel;

        var before = monitor.StatusOf(speaker.RtpAddress + "?pt=8");
        speaker.GoOffline();
        _time.Advance(OfflineAfter + TimeSpan.FromSeconds(1));

        Assert.Equal((speaker.RtpAddress, TerminalState.Normal), (before?.Address, before?.State));
        Assert.Equal(TerminalState.Offline, monitor.StatusOf(speaker.RtpAddress)?.State);
        Assert.Null(monitor.StatusOf("rtp://127.0.0.1:9"));
        Assert.Null(monitor.StatusOf("rtp-multicast://239.1.2.3:5004"));
        Assert.Null(monitor.StatusOf("not an address"));
    }

    [Fact]
    public async Task Broadcast_ToAFaultyTerminal_IsTemporary_AndAfterItRecoversIsAccepted()
    {
        await using var network = await SpeakerNetwork.StartAsync(o => o.OfflineAfter = OfflineAfter, _time);
        var speaker = await network.AddSpeakerAsync(o => o.HeartbeatInterval = TimeSpan.FromHours(1));

        speaker.SetState(TerminalState.Fault);
        Assert.True(await Eventually.TrueAsync(() => network.StateOf(speaker.RtpAddress) == TerminalState.Fault));
        var refused = await network.Channel.BroadcastAsync(Clips.To(speaker.RtpAddress, Clips.MuLaw(5)), CancellationToken.None);

        speaker.SetState(TerminalState.Normal);
        Assert.True(await Eventually.TrueAsync(() => network.StateOf(speaker.RtpAddress) == TerminalState.Recovered));
        var accepted = await network.Channel.BroadcastAsync(Clips.To(speaker.RtpAddress, Clips.MuLaw(5)), CancellationToken.None);

        Assert.Equal((SendOutcome.TemporaryFailure, "FAULT"), (refused.Outcome, refused.ErrorCode));
        Assert.Equal(SendOutcome.Accepted, accepted.Outcome);
    }

    [Fact]
    public async Task Broadcast_ToAStoppedTerminal_IsTemporaryStopped()
    {
        await using var network = await SpeakerNetwork.StartAsync(o => o.OfflineAfter = OfflineAfter, _time);
        var speaker = await network.AddSpeakerAsync(o =>
        {
            o.HeartbeatInterval = TimeSpan.FromHours(1);
            o.InitialState = TerminalState.Stopped;
        });

        var result = await network.Channel.BroadcastAsync(Clips.To(speaker.RtpAddress, Clips.MuLaw(5)), CancellationToken.None);

        Assert.Equal((SendOutcome.TemporaryFailure, "STOPPED"), (result.Outcome, result.ErrorCode));
    }

    [Fact]
    public async Task Stream_OnFakeTime_SendsOnePacketPerPacketTimeAndIsConfirmedWhenItEnds()
    {
        await using var network = await SpeakerNetwork.StartAsync(o => o.OfflineAfter = TimeSpan.FromHours(1), _time);
        // The simulator ends a stream after real-time silence, while this test paces packets on fake time: on a busy
        // machine 300 ms could pass between two advances and the play was reported before its last packet.
        var speaker = await network.AddSpeakerAsync(o =>
        {
            o.HeartbeatInterval = TimeSpan.FromHours(1);
            o.StreamEndSilence = TimeSpan.FromSeconds(2);
        });

        var result = await network.Channel.BroadcastAsync(Clips.To(speaker.RtpAddress, Clips.MuLaw(6)), CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => speaker.Streams is [{ Packets: 1 }]));
        Assert.True(await Eventually.TrueAsync(() => network.StateOf(speaker.RtpAddress) == TerminalState.Broadcasting));
        for (var packets = 2; packets <= 6; packets++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(20));
            Assert.True(await Eventually.TrueAsync(() => speaker.Streams[0].Packets == packets), $"packet {packets} did not come");
        }

        var receipt = Assert.Single(await network.ReceiptsAsync(1));
        Assert.Equal((result.ProviderMessageIds[0], DeliveryStatus.Delivered), (receipt.ProviderMessageId, receipt.Status));
        Assert.Equal(_time.GetUtcNow(), receipt.At);
        Assert.Equal(0, speaker.Streams[0].Lost);
    }
}
