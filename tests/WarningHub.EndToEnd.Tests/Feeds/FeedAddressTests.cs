using System.Net;
using System.Xml.Linq;
using WarningHub.Core.Cap;

namespace WarningHub.EndToEnd.Tests.Feeds;

/// <summary>Feeds link to the hub's public address whatever Host a request names, and answer HEAD like GET.</summary>
public sealed class FeedAddressTests
{
    private const string PublicBase = "https://yj.jingyan.example";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Feeds_RequestedWithAForgedHost_LinkToEnginePublicBaseUrlOnly()
    {
        var settings = FeedHub.TvChannels();
        settings["WarningHub:Engine:PublicBaseUrl"] = PublicBase + "/";
        await using var hub = await TestHub.StartAsync(persons: 200, settings: settings);
        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        Assert.True(await Eventually.TrueAsync(async () => (await GetAsync(hub, "/api/v1/feeds/cap")).Contains(id, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30)), "the warning reached the feed");

        var atom = XDocument.Parse(await GetAsync(hub, "/api/v1/feeds/cap"));
        var rss = XDocument.Parse(await GetAsync(hub, "/api/v1/feeds/tv/jytv.rss"));

        var links = atom.Descendants(Atom + "link").Select(l => (string)l.Attribute("href")!).ToList();
        Assert.Contains($"{PublicBase}/api/v1/feeds/cap", links);
        Assert.Contains($"{PublicBase}/api/v1/warnings/{id}.cap", links);
        Assert.All(links, l => Assert.StartsWith(PublicBase + "/api/v1/", l, StringComparison.Ordinal));
        Assert.Equal($"{PublicBase}/api/v1/feeds/tv/jytv.rss", rss.Root!.Element("channel")!.Element("link")!.Value);
        Assert.DoesNotContain("evil.example", atom.ToString() + rss, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryFeed_AnswersHeadLikeGet_WithItsHeadersAndNoBody()
    {
        await using var hub = await TestHub.StartAsync(persons: 200, settings: FeedHub.TvChannels());
        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        Assert.True(await Eventually.TrueAsync(async () => (await GetAsync(hub, "/api/v1/feeds/cap")).Contains(id, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30)), "the warning reached the feed");
        using var anonymous = hub.Client(null);

        foreach (var path in new[] { "/api/v1/feeds/cap", "/api/v1/feeds/tv/jytv.json", "/api/v1/feeds/tv/jytv.rss", "/api/v1/feeds/tv/cable.txt", $"/api/v1/warnings/{id}.cap" })
        {
            using var get = await anonymous.Http.GetAsync(new Uri(path, UriKind.Relative));
            using var head = await anonymous.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(path, UriKind.Relative)));
            var body = await get.Content.ReadAsByteArrayAsync();

            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (get.StatusCode, head.StatusCode));
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Equal(body.Length, head.Content.Headers.ContentLength);
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task PublicFeeds_NeverShowARestrictedActualWarning_NorServeItsCapDocumentWithoutItsAgencysKey()
    {
        await using var hub = await TestHub.StartAsync(persons: 200, settings: FeedHub.TvChannels());
        var restricted = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml") with
        {
            Scope = CapScope.Restricted,
            Restriction = "县防汛抗旱指挥部成员单位",
        });
        await TestHub.WaitForAsync(hub.Http, restricted, w => w.GetProperty("state").GetString() == "Released", TimeSpan.FromSeconds(30));
        var open = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        Assert.True(await Eventually.TrueAsync(async () => (await GetAsync(hub, "/api/v1/feeds/cap")).Contains(open, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30)), "the public warning reached the feed");
        using var anonymous = hub.Client(null);
        using var other = hub.Client(TestHub.OtherAgencyKey);

        var feeds = await GetAsync(hub, "/api/v1/feeds/cap") + await GetAsync(hub, "/api/v1/feeds/tv/jytv.json") + await GetAsync(hub, "/api/v1/feeds/tv/cable.rss");
        using var hidden = await anonymous.Http.GetAsync(new Uri($"/api/v1/warnings/{restricted}.cap", UriKind.Relative));
        using var otherAgency = await other.Http.GetAsync(new Uri($"/api/v1/warnings/{restricted}.cap", UriKind.Relative));
        using var own = await hub.Http.GetAsync(new Uri($"/api/v1/warnings/{restricted}.cap", UriKind.Relative));

        Assert.Contains(open, feeds, StringComparison.Ordinal);
        Assert.DoesNotContain(restricted, feeds, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK), (hidden.StatusCode, otherAgency.StatusCode, own.StatusCode));
    }

    /// <summary>A feed as a client that names a forged Host sees it.</summary>
    private static async Task<string> GetAsync(TestHub hub, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = "evil.example";
        using var response = await hub.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
