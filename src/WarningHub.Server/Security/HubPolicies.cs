using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Core.Users;

namespace WarningHub.Server.Security;

/// <summary>
/// Who may do what on /api/v1. Callers authenticate by an agency's key (X-Api-Key) or a user's session
/// (Authorization: Bearer), through one scheme, <see cref="Caller"/>, that picks the handler by header.
/// <see cref="Caller"/>: any known key or live session. <see cref="Agency"/>: a caller acting for an agency (submit).
/// <see cref="ReadWarning"/>: evaluated against the stored warning, so an agency reads only the warnings it submitted,
/// unless it reads all (the county's operators and staff). <see cref="Approver"/>: approve and reject, by a 签发人 only.
/// <see cref="Staff"/>: the list of warnings waiting for approval, and of drills. <see cref="Administrator"/>: authorising a drill.
/// </summary>
public static class HubPolicies
{
    public const string Caller = "caller";
    public const string Agency = "agency";
    public const string ReadWarning = "read-warning";
    public const string Approver = "approver";
    public const string Staff = "staff";
    public const string Administrator = "administrator";

    public static IServiceCollection AddHubSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(Caller)
            .AddPolicyScheme(Caller, "API key or session", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith(SessionAuthenticationHandler.Prefix, StringComparison.OrdinalIgnoreCase)
                    ? SessionAuthenticationHandler.SchemeName
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<SessionAuthenticationOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Caller, p => p.AddAuthenticationSchemes(Caller).RequireAuthenticatedUser())
            .AddPolicy(Agency, p => p.AddAuthenticationSchemes(Caller).RequireAuthenticatedUser().RequireClaim(AgencyClaims.Agency))
            .AddPolicy(ReadWarning, p => p.AddAuthenticationSchemes(Caller).RequireAuthenticatedUser()
                .AddRequirements(new OwnWarningRequirement()))
            .AddPolicy(Approver, p => p.AddAuthenticationSchemes(Caller).RequireAuthenticatedUser().RequireClaim(AgencyClaims.User)
                .RequireRole(nameof(HubRole.Approver)))
            .AddPolicy(Administrator, p => p.AddAuthenticationSchemes(Caller).RequireAuthenticatedUser().RequireClaim(AgencyClaims.User)
                .RequireRole(nameof(HubRole.Administrator)))
            .AddPolicy(Staff, p => p.AddAuthenticationSchemes(Caller).RequireAuthenticatedUser().RequireClaim(AgencyClaims.ReadsAll));
        services.AddSingleton<IAuthorizationHandler, OwnWarningHandler>();
        services.AddSingleton<UserAccounts>();
        return services;
    }
}
