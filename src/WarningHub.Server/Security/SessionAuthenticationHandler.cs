using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Core.Users;
using WarningHub.Server.Configuration;

namespace WarningHub.Server.Security;

/// <summary>Settings of the session scheme; nothing to set beyond the base options.</summary>
public sealed class SessionAuthenticationOptions : AuthenticationSchemeOptions;

/// <summary>
/// Authenticates a console or CLI user by the session token from POST /api/v1/sessions, sent as
/// <c>Authorization: Bearer …</c>. The user is read on every request, so disabling a user ends its sessions at once.
/// A user with an agency (not a town officer) carries that agency's claims (its senders, its scope), so it can submit for it;
/// the county's staff (duty officers, approvers, administrators) read every warning.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<SessionAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    UserAccounts accounts, IOptionsMonitor<HubOptions> hub, IProblemDetailsService problems)
    : AuthenticationHandler<SessionAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "Session";
    public const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header[Prefix.Length..].Trim();
        if (await accounts.UserOfSessionAsync(token, Context.RequestAborted) is not { } user)
            return AuthenticateResult.Fail("Unknown, expired or ended session.");
        var agency = user.Agency is { } name && user.Role is not HubRole.TownOfficer
            ? hub.CurrentValue.Agencies.FirstOrDefault(a => a.Name == name)
            : null;
        var principal = AgencyClaims.PrincipalOfUser(user, agency, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return WriteAsync("Missing, expired or ended session", "Sign in with POST /api/v1/sessions and send the token as 'Authorization: Bearer <token>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteAsync("Not allowed", "This user's role does not allow this request.");
    }

    private async Task WriteAsync(string title, string detail) => await problems.TryWriteAsync(new ProblemDetailsContext
    {
        HttpContext = Context,
        ProblemDetails = new ProblemDetails { Status = Response.StatusCode, Title = title, Detail = detail },
    });
}
