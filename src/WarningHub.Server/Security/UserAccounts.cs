using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WarningHub.Core.Users;
using WarningHub.Server.Configuration;

namespace WarningHub.Server.Security;

/// <summary>How a sign-in ended.</summary>
public enum SignInOutcome
{
    SignedIn,

    /// <summary>Unknown user, wrong password or disabled user: one answer for all three, so names cannot be probed.</summary>
    Refused,

    /// <summary>Too many failures in a row: refused until <see cref="SignInResult.LockedUntil"/>, even with the right password.</summary>
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, HubUser? User = null, string? Token = null, DateTimeOffset? ExpiresAt = null, DateTimeOffset? LockedUntil = null);

/// <summary>
/// Users' passwords (ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>: PBKDF2 with a salt per user),
/// sign-in with lock-out after <see cref="UserOptions.MaxFailedSignIns"/> failures, and console sessions: a random
/// 256-bit token handed out once, of which only the SHA-256 is stored.
/// </summary>
public sealed class UserAccounts(IUserStore users, IOptionsMonitor<HubOptions> options, TimeProvider time)
{
    /// <summary>Shortest password accepted.</summary>
    public const int MinPasswordLength = 10;

    private static readonly PasswordHasher<HubUser> Hasher = new();

    /// <summary>Checked when the name is unknown, so that a refusal takes as long as for a known name with a wrong password.</summary>
    private static readonly HubUser Nobody = NewUser("(nobody)", HubRole.TownOfficer, "unknown-user-password", null, null, DateTimeOffset.UnixEpoch);

    /// <summary>Why <paramref name="password"/> is not acceptable, or null.</summary>
    public static string? PasswordProblem(string? password) =>
        string.IsNullOrEmpty(password) ? "the password is empty"
        : password.Length < MinPasswordLength ? $"the password must have at least {MinPasswordLength} characters"
        : null;

    /// <summary>A new user with the password hashed; nothing is stored yet.</summary>
    public static HubUser NewUser(string name, HubRole role, string password, string? agency, string? phone, DateTimeOffset now)
    {
        var user = new HubUser { Name = name, Role = role, Agency = agency, Phone = phone, PasswordHash = "", CreatedAt = now };
        return user with { PasswordHash = Hasher.HashPassword(user, password) };
    }

    public async Task<SignInResult> SignInAsync(string name, string password, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var user = await users.GetAsync(name, cancellationToken);
        if (user?.LockedUntil is { } until && until > now) return new SignInResult(SignInOutcome.LockedOut, LockedUntil: until);
        var checkedAgainst = user ?? Nobody;
        var verified = Hasher.VerifyHashedPassword(checkedAgainst, checkedAgainst.PasswordHash, password) != PasswordVerificationResult.Failed && user is not null;
        if (user is null || !verified || user.Disabled)
        {
            var o = options.CurrentValue.Users;
            var lockUntil = user is not null && !verified && user.FailedSignIns + 1 >= o.MaxFailedSignIns ? now + o.LockOutFor : (DateTimeOffset?)null;
            await users.RecordFailureAsync(name, lockUntil, cancellationToken);
            return lockUntil is { } locked ? new SignInResult(SignInOutcome.LockedOut, LockedUntil: locked) : new SignInResult(SignInOutcome.Refused);
        }
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var expires = now + options.CurrentValue.Users.SessionLifetime;
        await users.StartSessionAsync(new UserSession(TokenHash(token), user.Name, now, expires), cancellationToken);
        return new SignInResult(SignInOutcome.SignedIn, user, token, expires);
    }

    /// <summary>The user of a live session, read fresh (a disabled user's sessions end at once).</summary>
    public async Task<HubUser?> UserOfSessionAsync(string token, CancellationToken cancellationToken)
    {
        var session = await users.FindSessionAsync(TokenHash(token), time.GetUtcNow(), cancellationToken);
        if (session is null) return null;
        var user = await users.GetAsync(session.User, cancellationToken);
        return user is { Disabled: false } ? user : null;
    }

    public Task SignOutAsync(string token, CancellationToken cancellationToken) => users.EndSessionAsync(TokenHash(token), cancellationToken);

    public static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
