using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WarningHub.Core.Cap;
using WarningHub.Server.Security;

namespace WarningHub.Server.Api;

/// <summary>POST /api/v1/sessions (sign in) and DELETE /api/v1/sessions/current (sign out), for the console and the CLI.</summary>
internal static class SessionEndpoints
{
    public static async Task<Results<Created<SessionResponse>, ProblemHttpResult>> SignInAsync(SignInRequest? request, UserAccounts accounts,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.User) || string.IsNullOrEmpty(request.Password))
            return Problems.Of(StatusCodes.Status400BadRequest, "User and password required", [new CapProblem(string.IsNullOrWhiteSpace(request?.User) ? "user" : "password", "is required")]);
        var result = await accounts.SignInAsync(request.User, request.Password, cancellationToken);
        return result.Outcome switch
        {
            SignInOutcome.SignedIn => TypedResults.Created("/api/v1/sessions/current",
                new SessionResponse(result.Token!, result.User!.Name, result.User.Role.ToString(), result.ExpiresAt!.Value)),
            SignInOutcome.LockedOut => Problems.Of(StatusCodes.Status423Locked, "Locked out",
                detail: string.Create(CultureInfo.InvariantCulture, $"Too many failed sign-ins: try again after {result.LockedUntil:u}.")),
            _ => Problems.Of(StatusCodes.Status401Unauthorized, "Sign-in refused", detail: "Unknown user, wrong password or disabled user."),
        };
    }

    public static async Task<NoContent> SignOutAsync(HttpContext http, UserAccounts accounts, CancellationToken cancellationToken)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith(SessionAuthenticationHandler.Prefix, StringComparison.OrdinalIgnoreCase))
            await accounts.SignOutAsync(header[SessionAuthenticationHandler.Prefix.Length..].Trim(), cancellationToken);
        return TypedResults.NoContent();
    }
}
