using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Abstractions;
using WarningHub.Core.Registry;
using WarningHub.EndToEnd.Tests.Feeds;
using WarningHub.Engine.Shared;
using WarningHub.Simulators.Speakers;
using ChannelNames = WarningHub.Core.Planning.Channels;

namespace WarningHub.EndToEnd.Tests.Loudspeakers;

/// <summary>
/// IP loudspeakers in "Url" clip delivery: the adapter tells the terminal where to download the bulletin, and the hub
/// serves it there. Regression: the hub did not serve the clip route, so such terminals got a 404 and played nothing.
/// </summary>
public sealed class ClipUrlTests
{
    [Fact]
    public async Task UrlTerminal_DownloadsTheBulletinFromTheHub_PlaysIt_AndReachCountsItsPlay()
    {
        await using var speaker = new SimulatedSpeaker(new SimulatedSpeakerOptions
        {
            Id = "jy-url", Http = true, FetchClipUrls = true, HttpPlayTime = TimeSpan.FromMilliseconds(300),
        });
        await speaker.StartAsync();
        string village = "";
        await using var hub = await TestHub.StartAsync(persons: 200, settings: LoudspeakerHub.Settings(), endpoints: registry =>
        {
            village = LoudspeakerHub.Villages(registry, 1)[0];
            return new CountyEndpoints([LoudspeakerHub.Terminal("jy-url", village, speaker.HttpAddress + "?clip=url")], [], []);
        });

        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        Assert.True(await Eventually.TrueAsync(() => speaker.HttpPlays.Count > 0, TimeSpan.FromSeconds(30)), "the terminal was told to play");

        var play = speaker.HttpPlays[0];
        var record = (await hub.Store().GetAsync(id, default))!;
        var bulletin = await hub.App.Services.GetServices<IBulletinSource>().Single().BulletinAsync(record, default);
        Assert.True(bulletin.Clip.TryGet(AudioFormat.WavPcm16k, out var wav));
        Assert.Equal($"{hub.Http.BaseAddress!.GetLeftPart(UriPartial.Authority)}/clips/{bulletin.Clip.Id}.wav", play.Url);
        Assert.Equal(wav.ToArray(), play.Wav);
        Assert.True(await Eventually.TrueAsync(async () =>
            LoudspeakerHub.VillageChannel(await hub.ReachAsync(id), village, ChannelNames.LoudspeakerIp).Count("delivered") == 1,
            TimeSpan.FromSeconds(20)), "the terminal's play was confirmed");
    }

    [Fact]
    public async Task ClipRoute_AnswersHeadLikeGet_AndServesNothingForAWrongClipOrAfterTheWarningIsCancelled()
    {
        await using var hub = await TestHub.StartAsync(persons: 200, settings: LoudspeakerHub.Settings());
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var id = await hub.SubmitAcceptedAsync(alert);
        await TestHub.WaitForAsync(hub.Http, id, w => w.GetProperty("state").GetString() == "Released", TimeSpan.FromSeconds(30));
        var record = (await hub.Store().GetAsync(id, default))!;
        var clip = (await hub.App.Services.GetServices<IBulletinSource>().Single().BulletinAsync(record, default)).Clip;
        using var terminal = hub.Client(null); // terminals hold no API key
        var url = new Uri($"/clips/{clip.Id}.wav", UriKind.Relative);

        using var get = await terminal.Http.GetAsync(url);
        using var head = await terminal.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        using var forged = await terminal.Http.GetAsync(new Uri($"/clips/{id}.zh-CN.0000000000000000.wav", UriKind.Relative));
        await hub.SubmitAcceptedAsync(LiveWarning.CancelOf(alert));
        Assert.True(await Eventually.TrueAsync(async () => await hub.StateOfAsync(id) == "Cancelled", TimeSpan.FromSeconds(10)));
        using var afterCancel = await terminal.Http.GetAsync(url);

        Assert.Equal((HttpStatusCode.OK, "audio/wav"), (get.StatusCode, get.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterCancel.StatusCode);
    }
}
