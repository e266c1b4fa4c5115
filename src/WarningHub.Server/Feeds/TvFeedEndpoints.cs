using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WarningHub.Channels.TvCrawl;
using WarningHub.Server.Api;

namespace WarningHub.Server.Feeds;

/// <summary>GET /api/v1/feeds/tv/{channel}.json|.rss|.txt, the pull feeds of caption generators (GET and HEAD); POST /api/v1/callbacks/tv/{channel}.</summary>
internal static class TvFeedEndpoints
{
    private const int MaxCallbackBytes = 4096;

    public static async Task<IResult> FeedAsync(string channel, string format, HttpContext http, PublicWarnings warnings,
        IOptions<TvCrawlOptions> tv, FeedLinks links, CancellationToken cancellationToken)
    {
        var options = tv.Value.Find(channel);
        if (options is null) return Problems.Of(StatusCodes.Status404NotFound, "No such TV channel", detail: $"No TV channel is named '{channel}'.");
        var captions = TvCaption.For(options, await warnings.InForceAsync(cancellationToken));
        return format switch
        {
            "json" => EntityTag.Respond(http, TvFeedFormats.ToJson(options, captions), "application/json; charset=utf-8"),
            "txt" => EntityTag.Respond(http, TvFeedFormats.ToText(captions), "text/plain; charset=utf-8"),
            "rss" => EntityTag.Respond(http, TvFeedFormats.ToRss(options, captions, links.TvFeed(options.Name, "rss")), "application/rss+xml; charset=utf-8"),
            _ => Problems.Of(StatusCodes.Status404NotFound, "No such feed format", detail: "TV feeds are offered as .json, .rss and .txt."),
        };
    }

    /// <summary>A station confirms that a pushed caption is on air: <c>{"id":"…","onAir":true}</c> with the channel's secret.</summary>
    public static async Task<IResult> CallbackAsync(string channel, HttpContext http, TvCrawlAdapter adapter, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxCallbackBytes) return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Request too large");
        var body = new byte[MaxCallbackBytes + 1];
        var length = 0;
        int read;
        while (length < body.Length && (read = await http.Request.Body.ReadAsync(body.AsMemory(length), cancellationToken)) > 0) length += read;
        if (length > MaxCallbackBytes) return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Request too large");
        if (!OnAirBody.TryRead(body.AsSpan(0, length), out var id, out var onAir))
            return Problems.Of(StatusCodes.Status400BadRequest, "Invalid confirmation", detail: "Send {\"id\":\"<the id of the push answer>\",\"onAir\":true}.");
        return adapter.Confirm(channel, http.Request.Headers[TvCrawlAdapter.SecretHeader].FirstOrDefault(), id, onAir) switch
        {
            OnAirConfirmation.Recorded => Results.Accepted(),
            OnAirConfirmation.UnknownChannel => Problems.Of(StatusCodes.Status404NotFound, "No such TV channel"),
            OnAirConfirmation.Refused => Problems.Of(StatusCodes.Status401Unauthorized, "Wrong or missing secret", detail: $"Send the channel's secret in the {TvCrawlAdapter.SecretHeader} header."),
            OnAirConfirmation.Busy => Problems.Of(StatusCodes.Status503ServiceUnavailable, "Busy; try again"),
            _ => Problems.Of(StatusCodes.Status400BadRequest, "Invalid confirmation", detail: "The id must be 1 to 128 characters."),
        };
    }
}
