using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WarningHub.Simulators.Upstream;

/// <summary>
/// A province or city platform's CAP feed on 127.0.0.1, for tests: an Atom feed (<c>/feed.atom</c>) and the same
/// entries as RSS 2.0 (<c>/feed.rss</c>), each entry linking to its CAP document (<c>/cap/{n}.xml</c>,
/// application/cap+xml) or carrying it inline. Any document, or the feed itself, can be replaced by a broken answer.
/// </summary>
public sealed class CapFeedServer(TimeProvider? time = null) : IAsyncDisposable
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly List<FeedEntry> _entries = [];
    private readonly ConcurrentDictionary<string, FeedAnswer> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private int _counter;

    /// <summary>The base URL (after <see cref="StartAsync"/>), without a trailing slash.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1");

    public Uri AtomUrl => new(BaseUrl, "/feed.atom");

    public Uri RssUrl => new(BaseUrl, "/feed.rss");

    /// <summary>When set, the feed itself answers this instead of its entries.</summary>
    public FeedAnswer? FeedOverride { get; set; }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet("/feed.atom", context => AnswerAsync(context, FeedOverride ?? new FeedAnswer(200, Atom(), "application/atom+xml; charset=utf-8", TimeSpan.Zero)));
        _app.MapGet("/feed.rss", context => AnswerAsync(context, FeedOverride ?? new FeedAnswer(200, Rss(), "application/rss+xml; charset=utf-8", TimeSpan.Zero)));
        _app.MapGet("/cap/{name}", context => AnswerAsync(context, _documents.GetValueOrDefault(context.Request.Path.Value!, FeedAnswer.Error(404))));
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/'));
    }

    /// <summary>Adds an entry linking to <paramref name="capXml"/>; returns the document's path.</summary>
    public string Publish(string entryId, string capXml) =>
        PublishAnswer(entryId, new FeedAnswer(200, capXml, "application/cap+xml; charset=utf-8", TimeSpan.Zero));

    /// <summary>Adds an entry whose link answers <paramref name="answer"/> (broken XML, a DOCTYPE, 404, a hang...).</summary>
    public string PublishAnswer(string entryId, FeedAnswer answer)
    {
        var path = "/cap/" + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture) + ".xml";
        _documents[path] = answer;
        Add(new FeedEntry(entryId, _time.GetUtcNow(), path, null));
        return path;
    }

    /// <summary>Adds an entry with the CAP alert inline in its content.</summary>
    public void PublishInline(string entryId, string capXml) => Add(new FeedEntry(entryId, _time.GetUtcNow(), null, capXml));

    /// <summary>How many requests reached <paramref name="path"/> (for example "/feed.atom" or a document path).</summary>
    public int Requests(string path) => _requests.GetValueOrDefault(path);

    private void Add(FeedEntry entry)
    {
        lock (_gate) _entries.Add(entry);
    }

    private async Task AnswerAsync(HttpContext context, FeedAnswer answer)
    {
        _requests.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1);
        if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay, TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        await context.Response.WriteAsync(answer.Body, Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }

    private List<FeedEntry> Newest()
    {
        lock (_gate) return [.. _entries.AsEnumerable().Reverse()];
    }

    private string Atom()
    {
        const string ns = "http://www.w3.org/2005/Atom";
        return Write(xml =>
        {
            xml.WriteStartElement("feed", ns);
            xml.WriteElementString("id", ns, "urn:test:upstream");
            xml.WriteElementString("title", ns, "Upstream CAP feed (synthetic)");
            xml.WriteElementString("updated", ns, Time(_time.GetUtcNow()));
            foreach (var e in Newest())
            {
                xml.WriteStartElement("entry", ns);
                xml.WriteElementString("id", ns, e.Id);
                xml.WriteElementString("title", ns, e.Id);
                xml.WriteElementString("updated", ns, Time(e.Updated));
                if (e.Path is not null)
                {
                    xml.WriteStartElement("link", ns);
                    xml.WriteAttributeString("rel", "alternate");
                    xml.WriteAttributeString("type", "application/cap+xml");
                    xml.WriteAttributeString("href", e.Path);
                    xml.WriteEndElement();
                }
                else
                {
                    xml.WriteStartElement("content", ns);
                    xml.WriteAttributeString("type", "application/cap+xml");
                    using (var inline = XmlReader.Create(new StringReader(e.InlineCap!), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
                    {
                        inline.MoveToContent();
                        xml.WriteNode(inline, defattr: false);
                    }
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
    }

    private string Rss() => Write(xml =>
    {
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteStartElement("channel");
        xml.WriteElementString("title", "Upstream CAP feed (synthetic)");
        xml.WriteElementString("link", BaseUrl.ToString());
        xml.WriteElementString("description", "Synthetic CAP feed for tests");
        foreach (var e in Newest().Where(e => e.Path is not null))
        {
            xml.WriteStartElement("item");
            xml.WriteElementString("title", e.Id);
            xml.WriteElementString("link", new Uri(BaseUrl, e.Path).ToString());
            xml.WriteElementString("guid", e.Id);
            xml.WriteElementString("pubDate", e.Updated.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    });

    private static string Write(Action<XmlWriter> write)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true })) write(xml);
        return text.ToString();
    }

    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync().ConfigureAwait(false);
    }

    private sealed record FeedEntry(string Id, DateTimeOffset Updated, string? Path, string? InlineCap);
}
