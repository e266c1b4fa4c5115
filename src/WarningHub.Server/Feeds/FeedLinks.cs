using Microsoft.Extensions.Options;
using WarningHub.Engine;

namespace WarningHub.Server.Feeds;

/// <summary>
/// Absolute links in feeds start with <c>Engine:PublicBaseUrl</c>, the address the public reaches the hub at.
/// Never with the request's Host header: anyone can send any Host, and a cache between would hand the forged
/// links to everyone.
/// </summary>
internal sealed class FeedLinks(IOptions<EngineOptions> engine)
{
    /// <summary>The public base address without a trailing slash, for example <c>https://yj.jingyan.example</c>.</summary>
    public string Base => engine.Value.PublicBaseUrl.TrimEnd('/');

    public string CapFeed => Base + "/api/v1/feeds/cap";

    public string CapDocument(string publicId) => $"{Base}/api/v1/warnings/{Uri.EscapeDataString(publicId)}.cap";

    public string TvFeed(string channel, string format) => $"{Base}/api/v1/feeds/tv/{Uri.EscapeDataString(channel)}.{format}";
}
