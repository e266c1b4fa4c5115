using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using WarningHub.Core.Cap;

namespace WarningHub.EndToEnd.Tests.Feeds;

public sealed class CapFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task CapFeed_IsAtomWithEveryRequiredElement_ListsActualWarningsOnly_AndAStandardReaderFollowsItsLinks()
    {
        await using var hub = await TestHub.StartAsync(persons: 300);
        var exercise = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml") with { Status = CapStatus.Exercise });
        var test = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml") with { Status = CapStatus.Test });
        foreach (var id in new[] { exercise, test })
            await TestHub.WaitForAsync(hub.Http, id, w => w.GetProperty("state").GetString() == "Released", TimeSpan.FromSeconds(30));
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var actual = await hub.SubmitAcceptedAsync(alert);
        XDocument? atom = null;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            atom = XDocument.Parse(await hub.Http.GetStringAsync(new Uri("/api/v1/feeds/cap", UriKind.Relative)));
            return atom.Root!.Elements(Atom + "entry").Any();
        }, TimeSpan.FromSeconds(30)));

        var feed = atom!.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated" }) Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + required)?.Value), required);
        Assert.NotEmpty(feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        var entry = Assert.Single(feed.Elements(Atom + "entry"));
        foreach (var required in new[] { "id", "title", "updated" }) Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + required)?.Value), required);
        Assert.True(Uri.TryCreate(entry.Element(Atom + "id")!.Value, UriKind.Absolute, out _), "entry id is an IRI");
        Assert.EndsWith(actual, entry.Element(Atom + "id")!.Value, StringComparison.Ordinal);

        using var reader = XmlReader.Create(new StringReader(atom.ToString()));
        var syndication = SyndicationFeed.Load(reader);
        var item = Assert.Single(syndication.Items);
        var link = Assert.Single(item.Links, l => l.MediaType == "application/cap+xml");
        using var cap = await hub.Http.GetAsync(link.Uri);
        Assert.Equal(HttpStatusCode.OK, cap.StatusCode);
        Assert.Equal("application/cap+xml", cap.Content.Headers.ContentType?.MediaType);
        var served = CapXmlReader.Read(await cap.Content.ReadAsStreamAsync()).EnsureValid();
        Assert.Equal((alert.Sender, alert.Identifier, CapStatus.Actual), (served.Sender, served.Identifier, served.Status));
    }

    [Fact]
    public async Task CapDocument_OfAnExerciseWarning_IsServedOnlyWithAnApiKey_WhileAReleasedActualOneIsPublic()
    {
        await using var hub = await TestHub.StartAsync(persons: 300);
        var exercise = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml") with { Status = CapStatus.Exercise });
        var actual = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        foreach (var id in new[] { exercise, actual })
            await TestHub.WaitForAsync(hub.Http, id, w => w.GetProperty("state").GetString() == "Released", TimeSpan.FromSeconds(30));
        using var anonymous = new HttpClient { BaseAddress = hub.Http.BaseAddress };

        using var hidden = await anonymous.GetAsync(new Uri($"/api/v1/warnings/{exercise}.cap", UriKind.Relative));
        using var withKey = await hub.Http.GetAsync(new Uri($"/api/v1/warnings/{exercise}.cap", UriKind.Relative));
        using var open = await anonymous.GetAsync(new Uri($"/api/v1/warnings/{actual}.cap", UriKind.Relative));
        using var missing = await anonymous.GetAsync(new Uri("/api/v1/warnings/W19990101-000000.cap", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Equal(CapStatus.Exercise, CapXmlReader.Read(await withKey.Content.ReadAsStringAsync()).EnsureValid().Status);
        Assert.Contains("no-store", withKey.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        // The JSON view of the same warning still answers: the .cap route does not shadow it.
        Assert.Equal(actual, (await hub.WarningAsync(actual)).GetProperty("id").GetString());
    }
}
