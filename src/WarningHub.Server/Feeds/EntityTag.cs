using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace WarningHub.Server.Feeds;

/// <summary>
/// Strong entity tags over a feed's bytes, and conditional GET: a caption generator polling with If-None-Match
/// gets 304 until the content changes.
/// </summary>
internal static class EntityTag
{
    public static string Of(byte[] body) => "\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16)) + "\"";

    /// <summary>True when an If-None-Match value names <paramref name="tag"/> (weak comparison, as RFC 9110 asks for this header) or is "*".</summary>
    public static bool Matches(string? ifNoneMatch, string tag)
    {
        if (string.IsNullOrWhiteSpace(ifNoneMatch)) return false;
        foreach (var candidate in ifNoneMatch.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (candidate == "*") return true;
            var opaque = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
            if (string.Equals(opaque, tag, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>200 with the body, or 304 when the client holds it already; the tag goes with both.</summary>
    public static IResult Respond(HttpContext http, byte[] body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(http);
        var tag = Of(body);
        var headers = http.Response.Headers;
        headers.ETag = tag;
        // Revalidate every time: a cancelled warning must not linger in a cache.
        headers.CacheControl = "no-cache";
        if (Matches(http.Request.Headers[HeaderNames.IfNoneMatch].ToString(), tag)) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(body, contentType);
    }
}
