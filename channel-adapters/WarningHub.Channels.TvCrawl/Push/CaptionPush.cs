using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using WarningHub.Abstractions;

namespace WarningHub.Channels.TvCrawl;

/// <summary>The body of an <see cref="TvPushProfile.HttpJson"/> push.</summary>
internal sealed record CaptionPush(
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("warningId")] string? WarningId,
    [property: JsonPropertyName("caption")] string Caption,
    [property: JsonPropertyName("level")] string? Level,
    [property: JsonPropertyName("event")] string? Event,
    [property: JsonPropertyName("expires")] string? Expires)
{
    /// <summary>Chinese stays readable in the body (stations log it); JSON escaping of quotes and controls stays.</summary>
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static CaptionPush Of(TextMessage message, string channel, string caption)
    {
        string? Field(string key) => message.Fields.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        return new CaptionPush(message.Reference.ToString(CultureInfo.InvariantCulture), channel, Field(MessageFields.WarningId),
            caption, Field(MessageFields.Level), Field(MessageFields.Event), Field(MessageFields.Expires));
    }
}
