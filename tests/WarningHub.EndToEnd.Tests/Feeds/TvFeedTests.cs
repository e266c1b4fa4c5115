using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using WarningHub.Core.Cap;
using WarningHub.Simulators.Tv;

namespace WarningHub.EndToEnd.Tests.Feeds;

public sealed class TvFeedTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task TvFeeds_ShowTheActualWarningInForce_WithinEachChannelsLength_AsJsonRssAndText_AndNeverAnExercise()
    {
        await using var hub = await TestHub.StartAsync(persons: 300, settings: FeedHub.TvChannels());
        var exercise = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml") with { Status = CapStatus.Exercise });
        await TestHub.WaitForAsync(hub.Http, exercise, w => w.GetProperty("state").GetString() == "Released", TimeSpan.FromSeconds(30));
        var actual = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var jytv = new TvCaptionConsumer(hub.Http, new Uri(hub.Http.BaseAddress!, "/api/v1/feeds/tv/jytv.json"));

        Assert.True(await jytv.PollUntilAsync(c => c.Count > 0, TimeSpan.FromSeconds(30)), "the warning reached the feed");

        var caption = Assert.Single(jytv.OnAir);
        Assert.Equal(actual, caption.WarningId);
        Assert.True(caption.Text.Length <= 40, caption.Text);
        Assert.StartsWith("【暴雨红色预警】井研县全境：井研县气象台发布暴雨红色预警信号", caption.Text, StringComparison.Ordinal);
        var cable = new TvCaptionConsumer(hub.Http, new Uri(hub.Http.BaseAddress!, "/api/v1/feeds/tv/cable.txt"));
        await cable.PollAsync();
        var line = Assert.Single(cable.OnAir).Text;
        Assert.True(line.Length is > 40 and <= 120, line);
        Assert.StartsWith(caption.Text[..^1], line, StringComparison.Ordinal);

        using var rss = await hub.Http.GetAsync(new Uri("/api/v1/feeds/tv/cable.rss", UriKind.Relative));
        Assert.Equal("application/rss+xml", rss.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(await rss.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(reader);
        var item = Assert.Single(feed.Items);
        Assert.Equal(line, item.Title.Text);
        Assert.Equal(actual, item.Id);
    }

    [Fact]
    public async Task TvFeed_PolledWithIfNoneMatch_Answers304UntilTheCaptionsChange()
    {
        await using var hub = await TestHub.StartAsync(persons: 300, settings: FeedHub.TvChannels());
        var url = new Uri("/api/v1/feeds/tv/jytv.json", UriKind.Relative);
        using var empty = await hub.Http.GetAsync(url);
        var emptyTag = empty.Headers.ETag!;
        Assert.False(emptyTag.IsWeak);
        Assert.Equal("[]", JsonDocument.Parse(await empty.Content.ReadAsStringAsync()).RootElement.GetProperty("captions").GetRawText());

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(emptyTag);
        using var notModified = await hub.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(emptyTag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var consumer = new TvCaptionConsumer(hub.Http, new Uri(hub.Http.BaseAddress!, url));
        await consumer.PollAsync();
        await consumer.PollAsync();
        Assert.Equal(1, consumer.NotModified);
        await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        Assert.True(await consumer.PollUntilAsync(c => c.Count == 1, TimeSpan.FromSeconds(30)));
        Assert.NotEqual(emptyTag.Tag, consumer.ETag);
        var notModifiedBefore = consumer.NotModified;
        Assert.False(await consumer.PollAsync());
        Assert.Equal(notModifiedBefore + 1, consumer.NotModified);
    }

    [Fact]
    public async Task TvFeed_WarningExpiringInAFewSeconds_LeavesWithinFiveSecondsOfItsExpiry()
    {
        await using var hub = await TestHub.StartAsync(persons: 300, settings: FeedHub.TvChannels());
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml", expiresIn: TimeSpan.FromSeconds(6));
        var expires = alert.Infos[0].Expires!.Value;
        await hub.SubmitAcceptedAsync(alert);
        var consumer = new TvCaptionConsumer(hub.Http, new Uri(hub.Http.BaseAddress!, "/api/v1/feeds/tv/jytv.txt"));
        Assert.True(await consumer.PollUntilAsync(c => c.Count == 1, expires - TimeProvider.System.GetUtcNow()), "on air before it expired");

        Assert.True(await consumer.PollUntilAsync(c => c.Count == 0, expires + Deadline - TimeProvider.System.GetUtcNow()), "off air in time");
        var goneAfter = TimeProvider.System.GetUtcNow() - expires;

        Assert.True(goneAfter < Deadline, $"gone {goneAfter} after expiry");
    }

    [Fact]
    public async Task TvFeed_CancelledWarning_LeavesWithinFiveSeconds()
    {
        await using var hub = await TestHub.StartAsync(persons: 300, settings: FeedHub.TvChannels());
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        await hub.SubmitAcceptedAsync(alert);
        var consumer = new TvCaptionConsumer(hub.Http, new Uri(hub.Http.BaseAddress!, "/api/v1/feeds/tv/jytv.json"));
        Assert.True(await consumer.PollUntilAsync(c => c.Count == 1, TimeSpan.FromSeconds(30)));

        await hub.SubmitAcceptedAsync(LiveWarning.CancelOf(alert));
        Assert.True(await consumer.PollUntilAsync(c => c.Count == 0, Deadline), "off air in time");
    }

    [Fact]
    public async Task TvFeed_UnknownChannelOrFormat_IsNotFound()
    {
        await using var hub = await TestHub.StartAsync(persons: 300, settings: FeedHub.TvChannels());

        using var channel = await hub.Http.GetAsync(new Uri("/api/v1/feeds/tv/nowhere.json", UriKind.Relative));
        using var format = await hub.Http.GetAsync(new Uri("/api/v1/feeds/tv/jytv.html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, channel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, format.StatusCode);
    }

    [Fact]
    public async Task TvCallback_OnlyTheChannelsSecretRecordsAnOnAirConfirmation()
    {
        await using var hub = await TestHub.StartAsync(persons: 300, settings: FeedHub.TvChannels());
        var jytv = new Uri(hub.Http.BaseAddress!, "/api/v1/callbacks/tv/jytv");

        Assert.Equal(HttpStatusCode.Accepted, await TvStationSimulator.ConfirmAsync(hub.Http, jytv, FeedHub.TvSecret, "st-1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await TvStationSimulator.ConfirmAsync(hub.Http, jytv, "not-the-secret-0000000", "st-1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await TvStationSimulator.ConfirmAsync(hub.Http, new Uri(hub.Http.BaseAddress!, "/api/v1/callbacks/tv/cable"), FeedHub.TvSecret, "st-1"));
        Assert.Equal(HttpStatusCode.NotFound, await TvStationSimulator.ConfirmAsync(hub.Http, new Uri(hub.Http.BaseAddress!, "/api/v1/callbacks/tv/nowhere"), FeedHub.TvSecret, "st-1"));
        using var bad = new HttpRequestMessage(HttpMethod.Post, jytv) { Content = new StringContent("{\"id\":\"st-1\"}", new MediaTypeHeaderValue("application/json")) };
        bad.Headers.Add(OnAirCallback.SecretHeader, FeedHub.TvSecret);
        using var badAnswer = await hub.Http.SendAsync(bad);
        Assert.Equal(HttpStatusCode.BadRequest, badAnswer.StatusCode);
    }
}
