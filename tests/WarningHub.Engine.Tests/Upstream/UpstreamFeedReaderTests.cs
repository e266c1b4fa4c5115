using System.Text;
using WarningHub.Engine.Upstream;

namespace WarningHub.Engine.Tests.Upstream;

public sealed class UpstreamFeedReaderTests
{
    private static readonly Uri FeedUrl = new("https://platform.example/feeds/cap.atom");

    private static UpstreamFeed Read(string xml) => UpstreamFeedReader.Read(Encoding.UTF8.GetBytes(xml), FeedUrl, 1024 * 1024);

    [Fact]
    public void Atom_TypedLinkContentSrcInlineAndPlainLink_AreAllFound()
    {
        var feed = Read("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><id>e1</id><updated>2026-07-15T00:00:00Z</updated>
                <link rel="alternate" type="text/html" href="/page/1"/>
                <link rel="related" type="application/cap+xml; charset=utf-8" href="/cap/1.xml"/></entry>
              <entry><id>e2</id><content type="application/cap+xml" src="https://platform.example/cap/2.xml"/></entry>
              <entry><id>e3</id><content type="application/cap+xml"><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier></alert></content></entry>
              <entry><id>e4</id><link href="cap/4.xml"/></entry>
            </feed>
            """);

        Assert.Null(feed.Problem);
        Assert.Equal(["e1", "e2", "e3", "e4"], feed.Entries.Select(e => e.Id));
        Assert.Equal(new Uri("https://platform.example/cap/1.xml"), feed.Entries[0].CapLink);
        Assert.Equal("e1\n2026-07-15T00:00:00Z", feed.Entries[0].Key);
        Assert.Equal(new Uri("https://platform.example/cap/2.xml"), feed.Entries[1].CapLink);
        Assert.Null(feed.Entries[2].CapLink);
        Assert.Contains("<identifier>x</identifier>", feed.Entries[2].InlineCap, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://platform.example/feeds/cap/4.xml"), feed.Entries[3].CapLink);
    }

    [Fact]
    public void Rss_EnclosureWinsOverLink_AndGuidIsTheId()
    {
        var feed = Read("""
            <rss version="2.0"><channel><title>t</title>
              <item><guid>g1</guid><link>https://platform.example/page</link><enclosure type="application/cap+xml" url="/cap/1.xml" length="1"/><pubDate>Wed, 15 Jul 2026 00:00:00 GMT</pubDate></item>
              <item><link>https://platform.example/cap/2.xml</link></item>
            </channel></rss>
            """);

        Assert.Null(feed.Problem);
        Assert.Equal(("g1", new Uri("https://platform.example/cap/1.xml")), (feed.Entries[0].Id, feed.Entries[0].CapLink));
        Assert.Equal(("https://platform.example/cap/2.xml", new Uri("https://platform.example/cap/2.xml")), (feed.Entries[1].Id, feed.Entries[1].CapLink));
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><feed xmlns=\"http://www.w3.org/2005/Atom\"><id>&x;</id></feed>", "DOCTYPE")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>", "well-formed")]
    [InlineData("<html><body>maintenance</body></html>", "neither")]
    [InlineData("", "well-formed")]
    public void HostileOrBrokenFeeds_AreRefusedWithAReason(string xml, string reason)
    {
        var feed = Read(xml);

        Assert.Empty(feed.Entries);
        Assert.Contains(reason, feed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FeedOverTheSizeLimit_IsRefused()
    {
        var xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>" + new string('x', 5000) + "</title></feed>";

        var feed = UpstreamFeedReader.Read(Encoding.UTF8.GetBytes(xml), FeedUrl, 1024);

        Assert.NotNull(feed.Problem);
        Assert.Empty(feed.Entries);
    }

    [Fact]
    public void SeenEntries_ForgetTheOldestBeyondCapacity_AndCountFailures()
    {
        var seen = new SeenEntries(capacity: 2);
        seen.Remember("a");
        seen.Remember("b");
        seen.Remember("c");

        Assert.False(seen.Contains("a"));
        Assert.True(seen.Contains("b") && seen.Contains("c"));
        Assert.Equal(2, seen.Count);
        Assert.Equal(1, seen.Failed("d"));
        Assert.Equal(2, seen.Failed("d"));
    }
}
