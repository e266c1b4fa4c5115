using WarningHub.Core.Cap;
using System.Globalization;
using System.Text;
using System.Xml;
using WarningHub.Engine.Upstream;

namespace WarningHub.Server.Feeds;

/// <summary>
/// The hub's CAP feed in Atom (RFC 4287): one entry per Actual, public-scope warning in force, newest first, each linking to its
/// CAP 1.2 document. Test, Exercise, System and Draft warnings, and Restricted or Private ones, are never listed.
/// </summary>
internal static class CapAtomFeed
{
    public const string Namespace = "http://www.w3.org/2005/Atom";
    public const string MediaType = "application/atom+xml; charset=utf-8";

    /// <param name="links">Absolute links, from the hub's public address.</param>
    /// <param name="now">The feed's updated time when it has no entry.</param>
    public static byte[] Write(CapFeedOptions options, IEnumerable<PublicWarning> warnings, FeedLinks links, DateTimeOffset now)
    {
        // A second lock behind PublicWarnings: only Actual warnings of public scope are ever written.
        var entries = warnings.Where(w => w.Record.CapStatus == CapStatus.Actual && w.IsPublicScope).OrderByDescending(w => w.Updated)
            .ThenBy(w => w.Record.PublicId, StringComparer.Ordinal).Take(options.MaxPublishedEntries).ToList();
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartElement("feed", Namespace);
            xml.WriteElementString("id", Namespace, options.FeedId);
            xml.WriteElementString("title", Namespace, $"{options.Publisher} CAP 预警");
            xml.WriteElementString("updated", Namespace, Time(entries.Count > 0 ? entries.Max(e => e.Updated) : now));
            Author(xml, options.Publisher);
            Link(xml, "self", "application/atom+xml", links.CapFeed);
            xml.WriteElementString("generator", Namespace, "WarningHub");
            foreach (var w in entries) Entry(xml, options, w, links);
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private static void Entry(XmlWriter xml, CapFeedOptions options, PublicWarning w, FeedLinks links)
    {
        var r = w.Record;
        xml.WriteStartElement("entry", Namespace);
        xml.WriteElementString("id", Namespace, options.FeedId + ":" + r.PublicId);
        xml.WriteElementString("title", Namespace, r.Headline.Length > 0 ? r.Headline : r.Event);
        xml.WriteElementString("updated", Namespace, Time(w.Updated));
        xml.WriteElementString("published", Namespace, Time(r.Sent));
        Author(xml, w.SenderName);
        Link(xml, "alternate", "application/cap+xml", links.CapDocument(r.PublicId));
        if (w.Level is { } level)
        {
            xml.WriteStartElement("category", Namespace);
            xml.WriteAttributeString("term", level.ToString());
            xml.WriteAttributeString("label", w.Caption.Level);
            xml.WriteEndElement();
        }
        var summary = w.Caption.Area.Length > 0 ? $"{w.Caption.Area}：{r.Headline}" : r.Headline;
        xml.WriteStartElement("summary", Namespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(summary);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Author(XmlWriter xml, string name)
    {
        xml.WriteStartElement("author", Namespace);
        xml.WriteElementString("name", Namespace, name);
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>RFC 3339 in UTC, whole seconds.</summary>
    private static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
