using WarningHub.Core.Planning.Policy;
using WarningHub.Core.Registry;
using WarningHub.EndToEnd.Tests.Loudspeakers;
using ChannelNames = WarningHub.Core.Planning.Channels;

namespace WarningHub.EndToEnd.Tests.Policy;

/// <summary>The CAP parameter that keeps channels off, on a real release (the preview's own test only plans).</summary>
public sealed class ChannelsOffReleaseTests
{
    [Fact]
    public async Task RedRainstorm_WithSmsOff_IsReleased_PlaysOnTheVillagesLoudspeaker_AndSendsNothingToTheSmsc()
    {
        await using var speaker = await LoudspeakerHub.StartSpeakerAsync("jy-a");
        var village = "";
        await using var hub = await TestHub.StartAsync(persons: 300, settings: LoudspeakerHub.Settings(), endpoints: registry =>
        {
            village = LoudspeakerHub.Villages(registry, 1)[0];
            return new CountyEndpoints([LoudspeakerHub.Terminal("jy-a", village, speaker.RtpAddress)], [], []);
        });
        await hub.ConnectAsync(speaker);
        var alert = PreviewTests.WithParameter(LiveWarning.Sample("red-rainstorm.cap.xml"), ChannelsOff.ParameterName, "sms");

        var id = await hub.SubmitAcceptedAsync(alert);
        Assert.True(await Eventually.TrueAsync(() => speaker.Streams.Count >= 1, TimeSpan.FromSeconds(30)), "the loudspeaker channel still got the warning");
        // Released, and every slot of every channel final: nothing is left to go out later.
        var warning = await TestHub.WaitForAsync(hub.Http, id, w => w.GetProperty("state").GetString() == "Released"
            && w.GetProperty("channels").EnumerateObject().All(c => c.Value.Count("pending") == 0 && c.Value.Count("awaitingReceipt") == 0)
            && w.GetProperty("channels").GetProperty(ChannelNames.LoudspeakerIp).Count("delivered") == 1, TimeSpan.FromSeconds(60));

        Assert.Empty(hub.Smsc.ReceivedMessages);
        var channels = warning.GetProperty("channels");
        Assert.True(!channels.TryGetProperty(ChannelNames.Sms, out var sms) || sms.Count("planned") == 0, $"no SMS slot was planned: {channels}");
        Assert.Equal(1, channels.GetProperty(ChannelNames.LoudspeakerIp).Count("planned"));
        Assert.Equal(1, LoudspeakerHub.VillageChannel(await hub.ReachAsync(id), village, ChannelNames.LoudspeakerIp).Count("delivered"));
    }
}
