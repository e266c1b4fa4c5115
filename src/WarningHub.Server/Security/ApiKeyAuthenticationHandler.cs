using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Server.Api;

namespace WarningHub.Server.Security;

/// <summary>Settings of the API-key scheme; nothing to set today beyond the base options.</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions;

/// <summary>
/// Authenticates an agency by its key in the X-Api-Key header (compared in constant time by <see cref="ApiKeyAgency"/>).
/// No header is no result (the caller stays anonymous, which public routes allow); an unknown key fails. Challenges
/// and refusals answer application/problem+json, like every other error of the API.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyAgency agencies, IProblemDetailsService problems)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[ApiKeyAgency.Header].ToString();
        if (presented.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        // The key itself is never logged or echoed.
        if (agencies.Of(presented) is not { } agency) return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        var ticket = new AuthenticationTicket(AgencyClaims.PrincipalOf(agency, SchemeName), SchemeName);
        return Task.FromResult(AuthenticateResult.Success(ticket));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{ApiKeyAgency.Header}\"";
        return WriteAsync("Missing or unknown API key", $"Send the agency's key in the {ApiKeyAgency.Header} header.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteAsync("Not allowed", "This agency's key does not allow this request.");
    }

    // A caller whose Accept header refuses JSON gets the status and the WWW-Authenticate header alone.
    private async Task WriteAsync(string title, string detail) => await problems.TryWriteAsync(new ProblemDetailsContext
    {
        HttpContext = Context,
        ProblemDetails = new ProblemDetails { Status = Response.StatusCode, Title = title, Detail = detail },
    });
}
