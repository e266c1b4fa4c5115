using System.Xml;
using System.Xml.Linq;
using WarningHub.Core.Cap;

namespace WarningHub.Engine.Upstream;

/// <summary>
/// Reads an Atom (RFC 4287) or RSS 2.0 feed from outside. Hostile XML is refused (no DTD, nothing resolved, a size
/// limit). Per entry, the CAP document is a link typed application/cap+xml (Atom link or content src, RSS
/// enclosure), a CAP alert inline in the entry, or else the entry's plain link.
/// </summary>
public static class UpstreamFeedReader
{
    public const string CapMediaType = "application/cap+xml";
    public const int MaxEntries = 500;
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Cap = CapAlert.Namespace;

    public static UpstreamFeed Read(byte[] body, Uri feedUrl, int maxCharacters)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(feedUrl);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = 1,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        XDocument document;
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            return UpstreamFeed.Refused(ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "the feed has a DOCTYPE (DTD): refused, nothing is expanded or fetched"
                : "the feed is not well-formed XML: " + ex.Message);
        }
        var root = document.Root!;
        if (root.Name == Atom + "feed") return new UpstreamFeed(root.Elements(Atom + "entry").Take(MaxEntries).Select(e => AtomEntry(e, feedUrl)).ToList(), null);
        if (root.Name.LocalName == "rss" && root.Element("channel") is { } channel)
            return new UpstreamFeed(channel.Elements("item").Take(MaxEntries).Select(i => RssItem(i, feedUrl)).ToList(), null);
        return UpstreamFeed.Refused($"the root element <{root.Name.LocalName}> is neither an Atom feed nor RSS 2.0");
    }

    private static UpstreamEntry AtomEntry(XElement entry, Uri feedUrl)
    {
        var links = entry.Elements(Atom + "link").ToList();
        var typed = links.FirstOrDefault(l => IsCap((string?)l.Attribute("type")))?.Attribute("href")?.Value;
        var content = entry.Element(Atom + "content");
        var contentSrc = content is not null && IsCap((string?)content.Attribute("type")) ? (string?)content.Attribute("src") : null;
        var plain = links.FirstOrDefault(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate")?.Attribute("href")?.Value;
        var id = Text(entry.Element(Atom + "id")) ?? typed ?? plain ?? "";
        var updated = Text(entry.Element(Atom + "updated")) ?? "";
        return Entry(id, updated, typed ?? contentSrc ?? plain, entry, feedUrl);
    }

    private static UpstreamEntry RssItem(XElement item, Uri feedUrl)
    {
        var enclosure = item.Elements("enclosure").FirstOrDefault(e => IsCap((string?)e.Attribute("type")))?.Attribute("url")?.Value;
        var link = Text(item.Element("link"));
        var id = Text(item.Element("guid")) ?? link ?? enclosure ?? "";
        var updated = Text(item.Element("pubDate")) ?? "";
        return Entry(id, updated, enclosure ?? link, item, feedUrl);
    }

    private static UpstreamEntry Entry(string id, string updated, string? href, XElement entry, Uri feedUrl)
    {
        var inline = entry.Descendants(Cap + "alert").FirstOrDefault();
        if (inline is not null) return new UpstreamEntry(id, updated, null, inline.ToString(SaveOptions.DisableFormatting));
        Uri? link = null;
        if (href is not null && Uri.TryCreate(feedUrl, href.Trim(), out var resolved)) link = resolved;
        return new UpstreamEntry(id, updated, link, null);
    }

    private static bool IsCap(string? mediaType) =>
        mediaType is not null && mediaType.Split(';')[0].Trim().Equals(CapMediaType, StringComparison.OrdinalIgnoreCase);

    private static string? Text(XElement? element) => string.IsNullOrWhiteSpace(element?.Value) ? null : element.Value.Trim();
}
