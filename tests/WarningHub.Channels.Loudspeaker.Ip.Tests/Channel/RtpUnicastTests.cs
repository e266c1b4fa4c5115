using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Ip.Audio;
using WarningHub.Channels.Loudspeaker.Ip.Tests.Support;
using WarningHub.Simulators.Speakers;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Channel;

public class RtpUnicastTests
{
    [Fact]
    public async Task Broadcast_ToThreeTerminalsAtOnce_EachGetsEveryPacketInOrderAndTheAudioDecodesSampleExact()
    {
        await using var network = await SpeakerNetwork.StartAsync();
        var speakers = new[] { await network.AddSpeakerAsync(), await network.AddSpeakerAsync(), await network.AddSpeakerAsync() };
        var addresses = new[] { speakers[0].RtpAddress, speakers[1].RtpAddress + "?pt=8", speakers[2].RtpAddress };
        var clip = Clips.MuLaw(25, shortBy: 37);

        var results = await Task.WhenAll(addresses.Select(a => network.Channel.BroadcastAsync(Clips.To(a, clip), CancellationToken.None).AsTask()));

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        Assert.True(await Eventually.TrueAsync(() => speakers.All(s => s.Streams is [{ Ended: true }])));
        for (var i = 0; i < 3; i++)
        {
            var pt = (byte)(i == 1 ? 8 : 0);
            var sent = Padded(ClipPayload.ForRtp(clip, pt, out _)!.Value.ToArray(), G711.Silence(pt));
            var stream = Assert.Single(speakers[i].Streams);
            Assert.Equal((25, 0L, 0, 0, 0, true), (stream.Packets, stream.Lost, stream.SequenceGaps, stream.TimestampErrors, stream.FormatErrors, stream.MarkerOnFirstOnly));
            Assert.Equal(pt, stream.PayloadType);
            Assert.Equal(sent, stream.Payload);
            Assert.Equal(sent.Select(code => pt == 8 ? G711.DecodeALaw(code) : G711.DecodeMuLaw(code)), stream.Samples);
            Assert.Equal($"{stream.PlayId}@{speakers[i].RtpAddress}", Assert.Single(results[i].ProviderMessageIds));
        }

        var receipts = await network.ReceiptsAsync(3);
        Assert.Equal(results.Select(r => r.ProviderMessageIds[0]).Order(), receipts.Select(r => r.ProviderMessageId).Order());
        Assert.All(receipts, r => Assert.Equal((DeliveryStatus.Delivered, "PLAYED"), (r.Status, r.Code)));
    }

    [Fact]
    public async Task Broadcast_ToATerminalNeverHeardFrom_IsTemporaryAndSendsNothing()
    {
        await using var network = await SpeakerNetwork.StartAsync();
        var silent = await network.AddSpeakerAsync(heartbeats: false);

        var result = await network.Channel.BroadcastAsync(Clips.To(silent.RtpAddress, Clips.MuLaw(5)), CancellationToken.None);

        Assert.Equal((SendOutcome.TemporaryFailure, "UNKNOWN"), (result.Outcome, result.ErrorCode));
        Assert.Contains("not counted as reached", result.Reason, StringComparison.Ordinal);
        Assert.Empty(result.ProviderMessageIds);
        Assert.Equal(0, network.Channel.PacketsSent);
    }

    [Fact]
    public async Task Broadcast_ToATerminalThatCouldNotPlay_GivesAFailedReceiptForTheSameId()
    {
        await using var network = await SpeakerNetwork.StartAsync();
        var speaker = await network.AddSpeakerAsync(o => o.PlayOutcome = PlayOutcome.NotPlayed);

        var result = await network.Channel.BroadcastAsync(Clips.To(speaker.RtpAddress, Clips.MuLaw(3)), CancellationToken.None);

        var receipt = Assert.Single(await network.ReceiptsAsync(1));
        Assert.Equal((result.ProviderMessageIds[0], DeliveryStatus.Failed, "NOT_PLAYED"), (receipt.ProviderMessageId, receipt.Status, receipt.Code));
    }

    [Fact]
    public async Task Abort_OfAPlayingStream_StopsItsPackets()
    {
        await using var network = await SpeakerNetwork.StartAsync();
        var speaker = await network.AddSpeakerAsync(o => o.PlayOutcome = PlayOutcome.Silent);
        var result = await network.Channel.BroadcastAsync(Clips.To(speaker.RtpAddress, Clips.MuLaw(500)), CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => speaker.Streams is [{ Packets: >= 5 }]));

        Assert.True(network.Channel.Abort(result.ProviderMessageIds[0]));

        Assert.True(await Eventually.TrueAsync(() => network.Channel.ActiveStreams == 0 && speaker.Streams is [{ Ended: true }]));
        Assert.InRange(speaker.Streams[0].Packets, 5, 499);
        Assert.False(network.Channel.Abort(result.ProviderMessageIds[0]));
    }

    [Fact]
    public async Task StopSignal_FiringWhileTheStreamPlays_CutsItOff_AndItsPlayReportIsNotTakenAsPlayed()
    {
        await using var network = await SpeakerNetwork.StartAsync();
        var speaker = await network.AddSpeakerAsync();
        using var stop = new CancellationTokenSource();
        var result = await network.Channel.BroadcastAsync(Clips.To(speaker.RtpAddress, Clips.MuLaw(500)), stop.Token);
        Assert.True(await Eventually.TrueAsync(() => speaker.Streams is [{ Packets: >= 5 }]));

        await stop.CancelAsync();

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.True(await Eventually.TrueAsync(() => network.Channel.ActiveStreams == 0 && speaker.Streams is [{ Ended: true }]));
        Assert.InRange(speaker.Streams[0].Packets, 5, 499);
        // The terminal cannot tell a cut from an end and says "played"; that is not a confirmation.
        Assert.True(await Eventually.TrueAsync(() => speaker.ReportsSent == 1));
        // The signal instead of a sleep: the terminal's next report comes after that one, through the same listener,
        // so once the next bulletin's receipt is in, a receipt for the cut one would have come before it.
        var next = await network.Channel.BroadcastAsync(Clips.To(speaker.RtpAddress, Clips.MuLaw(5)), CancellationToken.None);
        var receipt = Assert.Single(await network.ReceiptsAsync(1));
        Assert.Equal(next.ProviderMessageIds[0], receipt.ProviderMessageId);
        Assert.False(network.Channel.Receipts.TryRead(out _));
    }

    [Fact]
    public async Task StopSignal_FiringAfterTheStreamEnded_LeavesItsPlayConfirmed()
    {
        await using var network = await SpeakerNetwork.StartAsync();
        var speaker = await network.AddSpeakerAsync();
        using var stop = new CancellationTokenSource();
        var result = await network.Channel.BroadcastAsync(Clips.To(speaker.RtpAddress, Clips.MuLaw(5)), stop.Token);
        Assert.True(await Eventually.TrueAsync(() => network.Channel.ActiveStreams == 0));

        await stop.CancelAsync();
        var receipt = Assert.Single(await network.ReceiptsAsync(1));

        Assert.Equal(result.ProviderMessageIds[0], receipt.ProviderMessageId);
        Assert.Equal(DeliveryStatus.Delivered, receipt.Status);
    }

    [Fact]
    public async Task Broadcast_BeyondMaxConcurrentStreams_IsTemporaryBusyWithARetryHint()
    {
        await using var network = await SpeakerNetwork.StartAsync(o => o.MaxConcurrentStreams = 1);
        var first = await network.AddSpeakerAsync(o => o.PlayOutcome = PlayOutcome.Silent);
        var second = await network.AddSpeakerAsync();
        var playing = await network.Channel.BroadcastAsync(Clips.To(first.RtpAddress, Clips.MuLaw(500)), CancellationToken.None);

        var refused = await network.Channel.BroadcastAsync(Clips.To(second.RtpAddress, Clips.MuLaw(5)), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, playing.Outcome);
        Assert.Equal((SendOutcome.TemporaryFailure, "BUSY"), (refused.Outcome, refused.ErrorCode));
        Assert.InRange(refused.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("rtp://speaker.local:5004")]
    [InlineData("serial:ttyS1#2")]
    public async Task Broadcast_ToAnAddressItCannotServe_IsPermanent(string address)
    {
        await using var network = await SpeakerNetwork.StartAsync();

        var result = await network.Channel.BroadcastAsync(Clips.To(address, Clips.MuLaw(1)), CancellationToken.None);

        Assert.Equal((SendOutcome.PermanentFailure, "ADDRESS"), (result.Outcome, result.ErrorCode));
    }

    [Fact]
    public async Task Broadcast_BeforeStart_IsTemporary()
    {
        await using var channel = new IpSpeakerChannel("idle", new IpSpeakerOptions());

        var result = await channel.BroadcastAsync(Clips.To("rtp://127.0.0.1:5004", Clips.MuLaw(1)), CancellationToken.None);

        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
    }

    private static byte[] Padded(byte[] audio, byte silence)
    {
        var packets = (audio.Length + 159) / 160;
        var padded = Enumerable.Repeat(silence, packets * 160).ToArray();
        audio.CopyTo(padded, 0);
        return padded;
    }
}
