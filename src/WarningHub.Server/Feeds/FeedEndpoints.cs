using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WarningHub.Server.Feeds;

/// <summary>
/// Maps the feeds: TV captions (pull and on-air callbacks), the CAP Atom feed and each warning's CAP document.
/// They are public (no API key); each feed answers HEAD like GET, without the body, as feed readers and caches ask.
/// </summary>
public static class FeedEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1").AllowAnonymous().WithTags("Feeds");
        api.MapMethods("/feeds/tv/{channel}.{format}", GetAndHead, TvFeedEndpoints.FeedAsync);
        // The TV station authenticates with its channel's secret, checked by the adapter.
        api.MapPost("/callbacks/tv/{channel}", TvFeedEndpoints.CallbackAsync);
        api.MapMethods("/feeds/cap", GetAndHead, CapEndpoints.FeedAsync);
        api.MapMethods("/warnings/{id}.cap", GetAndHead, CapEndpoints.DocumentAsync);
    }
}
