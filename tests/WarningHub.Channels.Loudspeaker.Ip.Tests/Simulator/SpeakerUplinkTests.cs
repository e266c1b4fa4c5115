using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Ip.Tests.Support;
using WarningHub.Simulators.Speakers;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Simulator;

public class SpeakerUplinkTests
{
    [Fact]
    public async Task TerminalsSharingOneHeartbeatSocket_AreEachKnownByTheirOwnRtpAddress_AndEachPlayIsConfirmedForItsOwnStream()
    {
        using var uplink = new SpeakerUplink();
        await using var network = await SpeakerNetwork.StartAsync();
        var speakers = new[]
        {
            await network.AddSpeakerAsync(uplink: uplink),
            await network.AddSpeakerAsync(o => o.PlayOutcome = PlayOutcome.NotPlayed, uplink: uplink),
        };

        var results = await Task.WhenAll(speakers.Select(s => network.Channel.BroadcastAsync(Clips.To(s.RtpAddress, Clips.MuLaw(5)), CancellationToken.None).AsTask()));
        var receipts = (await network.ReceiptsAsync(2)).ToDictionary(r => r.ProviderMessageId, r => r.Status);

        Assert.Equal(speakers.Select(s => s.RtpAddress).Order(StringComparer.Ordinal), network.Channel.Terminals.Select(t => t.Address));
        Assert.Equal(DeliveryStatus.Delivered, receipts[Assert.Single(results[0].ProviderMessageIds)]);
        Assert.Equal(DeliveryStatus.Failed, receipts[Assert.Single(results[1].ProviderMessageIds)]);
        Assert.All(speakers, s => Assert.Equal(1, s.ReportsSent));
    }
}
