using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace WarningHub.Server.Security;

/// <summary>
/// Who may do what on /api/v1. <see cref="Agency"/>: any agency with a valid key (submit; read, subject to
/// <see cref="ReadWarning"/>). <see cref="ReadWarning"/>: evaluated against the stored warning, so an agency reads
/// only the warnings it submitted, unless it is one of the county's operators (<see cref="AgencyClaims.ReadsAll"/>).
/// </summary>
public static class HubPolicies
{
    public const string Agency = "agency";
    public const string ReadWarning = "read-warning";

    public static IServiceCollection AddHubSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Agency, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser()
                .RequireClaim(AgencyClaims.Agency))
            .AddPolicy(ReadWarning, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser()
                .AddRequirements(new OwnWarningRequirement()));
        services.AddSingleton<IAuthorizationHandler, OwnWarningHandler>();
        return services;
    }
}
