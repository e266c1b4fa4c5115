using System.Security.Claims;
using WarningHub.Core.Cap;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Upstream;
using WarningHub.Server.Api;
using WarningHub.Server.Signatures;

namespace WarningHub.Server.Feeds;

/// <summary>GET /api/v1/feeds/cap (Atom) and GET /api/v1/warnings/{id}.cap (the stored CAP 1.2 XML); HEAD on both.</summary>
internal static class CapEndpoints
{
    public const string CapMediaType = "application/cap+xml";

    public static async Task<IResult> FeedAsync(HttpContext http, PublicWarnings warnings, IOptions<CapFeedOptions> options,
        FeedLinks links, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = CapAtomFeed.Write(options.Value, await warnings.InFeedAsync(cancellationToken), links, time.GetUtcNow());
        return EntityTag.Respond(http, body, CapAtomFeed.MediaType);
    }

    /// <summary>
    /// A released Actual warning of public scope is public, also after it ended (feeds link here). Anything else —
    /// Test, Exercise, System, Restricted or Private, or not released yet — is served only to the agency that
    /// submitted it (or the county's operators); to others it does not exist (404), so its existence is not revealed either.
    /// </summary>
    public static async Task<IResult> DocumentAsync(string id, HttpContext http, ClaimsPrincipal user, IAuthorizationService authorization,
        IWarningStore store, CapSignatures signatures, CancellationToken cancellationToken)
    {
        var warning = await store.GetAsync(id, cancellationToken);
        var isPublic = warning is { CapStatus: CapStatus.Actual, ReleasedAt: not null } && PublicWarning.Of(warning).IsPublicScope;
        if (warning is null || (!isPublic && !await WarningQueries.MayReadAsync(user, warning, authorization)))
            return Problems.Of(StatusCodes.Status404NotFound, "No such warning", detail: $"No warning has the id '{id}'.");
        // Not the public kind: never let a cache hand it to someone without the key.
        http.Response.Headers.CacheControl = isPublic ? "no-cache" : "private, no-store";
        // As the agency sent it, signature intact; what the hub composed itself (from JSON) it signs when it has a key.
        if (warning.ReceivedCap is { } received) return Results.Bytes(received, CapMediaType);
        return signatures.Signer is { } signer
            ? Results.Bytes(signer.Sign(warning.CapXml), CapMediaType)
            : Results.Text(warning.CapXml, CapMediaType, Encoding.UTF8);
    }
}
