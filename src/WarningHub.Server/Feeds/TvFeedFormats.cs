using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;
using WarningHub.Channels.TvCrawl;

namespace WarningHub.Server.Feeds;

/// <summary>The bytes of a TV channel's feed in JSON, RSS 2.0 and plain text. Same captions, same bytes: the entity tag depends on nothing else.</summary>
internal static class TvFeedFormats
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] ToJson(TvChannelOptions channel, IReadOnlyList<TvCaption> captions) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        channel = channel.Name,
        maxLength = channel.MaxLength,
        captions = captions.Select(c => new
        {
            id = c.Warning.Record.PublicId,
            caption = c.Text,
            level = c.Warning.Caption.Level,
            @event = c.Warning.Caption.Event,
            area = c.Warning.Caption.Area,
            effective = c.Warning.Record.Effective,
            expires = c.Warning.Record.Expires,
            updated = c.Warning.Updated,
        }),
    }, Json);

    /// <summary>One caption per line, UTF-8, each line ended by a line feed.</summary>
    public static byte[] ToText(IReadOnlyList<TvCaption> captions) =>
        Utf8.GetBytes(string.Concat(captions.Select(c => c.Text + "\n")));

    public static byte[] ToRss(TvChannelOptions channel, IReadOnlyList<TvCaption> captions, string selfUrl)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = Utf8, Indent = true }))
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", $"预警滚动字幕 {channel.Name}");
            xml.WriteElementString("link", selfUrl);
            xml.WriteElementString("description", $"Warnings in force as TV captions of at most {channel.MaxLength} characters");
            xml.WriteElementString("language", "zh-cn");
            if (captions.Count > 0) xml.WriteElementString("lastBuildDate", Rfc822(captions.Max(c => c.Warning.Updated)));
            foreach (var c in captions)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", c.Text);
                xml.WriteElementString("description", c.Text);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "false");
                xml.WriteString(c.Warning.Record.PublicId);
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", Rfc822(c.Warning.Updated));
                if (c.Warning.Caption.Level.Length > 0) xml.WriteElementString("category", c.Warning.Caption.Level);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private static string Rfc822(DateTimeOffset time) => time.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
}
