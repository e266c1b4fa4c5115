using System.Net;
using System.Net.Sockets;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Ip.Tests.Support;
using WarningHub.Simulators.Speakers;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Http;

public class HttpProfileTests
{
    private static void Fast(IpSpeakerOptions o)
    {
        o.HttpStatusPollInterval = TimeSpan.FromMilliseconds(50);
        o.ClipBaseUrl = "http://hub.example/clips/";
    }

    [Fact]
    public async Task Broadcast_ByUpload_PostsTheClipsWavAndIsConfirmedByTheStatusUnderTheSameId()
    {
        await using var network = await SpeakerNetwork.StartAsync(Fast);
        var speaker = await HttpSpeakerAsync(network);
        var clip = Clips.Wav16k(TimeSpan.FromMilliseconds(300));

        var result = await network.Channel.BroadcastAsync(Clips.To(speaker.HttpAddress!, clip), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var play = Assert.Single(speaker.HttpPlays);
        clip.TryGet(AudioFormat.WavPcm16k, out var wav);
        Assert.Equal(wav.ToArray(), play.Wav);
        Assert.Equal($"{play.PlayId}@{speaker.HttpAddress}", Assert.Single(result.ProviderMessageIds));
        var receipt = Assert.Single(await network.ReceiptsAsync(1));
        Assert.Equal((result.ProviderMessageIds[0], DeliveryStatus.Delivered, "PLAYED"), (receipt.ProviderMessageId, receipt.Status, receipt.Code));
        Assert.Contains(network.Channel.Terminals, t => t.Address == speaker.HttpAddress && t.State == TerminalState.Normal);
    }

    [Fact]
    public async Task Broadcast_ByUrl_PostsTheClipUrlUnderClipBaseUrl()
    {
        await using var network = await SpeakerNetwork.StartAsync(Fast);
        var speaker = await HttpSpeakerAsync(network);

        var result = await network.Channel.BroadcastAsync(Clips.To(speaker.HttpAddress + "?clip=url", Clips.MuLaw(5, id: "warn 42")), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var play = Assert.Single(speaker.HttpPlays);
        Assert.Equal(("http://hub.example/clips/warn%2042.wav", null), (play.Url, play.Wav));
    }

    [Fact]
    public async Task Broadcast_ToAFaultyHttpTerminal_IsTemporaryFaultAndPostsNothing()
    {
        await using var network = await SpeakerNetwork.StartAsync(Fast);
        var speaker = await HttpSpeakerAsync(network, o => o.InitialState = TerminalState.Fault);

        var result = await network.Channel.BroadcastAsync(Clips.To(speaker.HttpAddress!, Clips.MuLaw(5)), CancellationToken.None);

        Assert.Equal((SendOutcome.TemporaryFailure, "FAULT"), (result.Outcome, result.ErrorCode));
        Assert.Empty(speaker.HttpPlays);
        Assert.Equal(TerminalState.Fault, network.StateOf(speaker.HttpAddress!));
    }

    [Fact]
    public async Task Broadcast_ToAnHttpTerminalThatDropsConnections_IsTemporaryUnreachable()
    {
        await using var network = await SpeakerNetwork.StartAsync(Fast);
        var speaker = await HttpSpeakerAsync(network);
        speaker.GoOffline();

        var result = await network.Channel.BroadcastAsync(Clips.To(speaker.HttpAddress!, Clips.MuLaw(5)), CancellationToken.None);

        Assert.Equal((SendOutcome.TemporaryFailure, "UNREACHABLE"), (result.Outcome, result.ErrorCode));
        Assert.Empty(speaker.HttpPlays);
    }

    [Fact]
    public async Task Broadcast_ToAPortNobodyListensOn_IsTemporaryUnreachable()
    {
        await using var network = await SpeakerNetwork.StartAsync(Fast);

        var result = await network.Channel.BroadcastAsync(Clips.To($"http://127.0.0.1:{ClosedTcpPort()}/speaker", Clips.MuLaw(5)), CancellationToken.None);

        Assert.Equal((SendOutcome.TemporaryFailure, "UNREACHABLE"), (result.Outcome, result.ErrorCode));
    }

    [Theory]
    [InlineData(415, SendOutcome.PermanentFailure)]
    [InlineData(404, SendOutcome.PermanentFailure)]
    [InlineData(503, SendOutcome.TemporaryFailure)]
    [InlineData(429, SendOutcome.TemporaryFailure)]
    public async Task Broadcast_RefusedWithAnHttpStatus_MapsItToPermanentOrTemporary(int status, SendOutcome outcome)
    {
        await using var network = await SpeakerNetwork.StartAsync(Fast);
        var speaker = await HttpSpeakerAsync(network, o => o.RefusePlayWith = status);

        var result = await network.Channel.BroadcastAsync(Clips.To(speaker.HttpAddress!, Clips.MuLaw(5)), CancellationToken.None);

        Assert.Equal((outcome, $"HTTP_{status}"), (result.Outcome, result.ErrorCode));
    }

    [Fact]
    public async Task Broadcast_ThatTheTerminalCouldNotPlay_GivesAFailedReceipt()
    {
        await using var network = await SpeakerNetwork.StartAsync(Fast);
        var speaker = await HttpSpeakerAsync(network, o => o.PlayOutcome = PlayOutcome.NotPlayed);

        var result = await network.Channel.BroadcastAsync(Clips.To(speaker.HttpAddress!, Clips.MuLaw(5)), CancellationToken.None);

        var receipt = Assert.Single(await network.ReceiptsAsync(1));
        Assert.Equal((result.ProviderMessageIds[0], DeliveryStatus.Failed), (receipt.ProviderMessageId, receipt.Status));
    }

    private static async Task<SimulatedSpeaker> HttpSpeakerAsync(SpeakerNetwork network, Action<SimulatedSpeakerOptions>? configure = null) =>
        await network.AddSpeakerAsync(
            o =>
            {
                o.Http = true;
                o.HttpPlayTime = TimeSpan.FromMilliseconds(100);
                configure?.Invoke(o);
            },
            heartbeats: false);

    private static int ClosedTcpPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
