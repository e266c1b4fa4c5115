using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace WarningHub.Server.Feeds;

/// <summary>Maps the feeds: TV captions (pull and on-air callbacks), the CAP Atom feed and each warning's CAP document. They are public (no API key).</summary>
public static class FeedEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1").AllowAnonymous().WithTags("Feeds");
        api.MapGet("/feeds/tv/{channel}.{format}", TvFeedEndpoints.FeedAsync);
        // The TV station authenticates with its channel's secret, checked by the adapter.
        api.MapPost("/callbacks/tv/{channel}", TvFeedEndpoints.CallbackAsync);
        api.MapGet("/feeds/cap", CapEndpoints.FeedAsync);
        api.MapGet("/warnings/{id}.cap", CapEndpoints.DocumentAsync);
    }
}
