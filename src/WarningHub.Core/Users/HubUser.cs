namespace WarningHub.Core.Users;

/// <summary>What a person may do in the hub's console and API.</summary>
public enum HubRole
{
    /// <summary>值班员: watches warnings, submits for an agency when the user has one.</summary>
    DutyOfficer,

    /// <summary>签发人: approves or rejects warnings that wait for approval; the one called when one waits too long.</summary>
    Approver,

    /// <summary>Town officer (乡镇干部): reads warnings and reach, acknowledges (叫应).</summary>
    TownOfficer,

    /// <summary>Manages users and settings; approves nothing (separation of duties).</summary>
    Administrator,
}

/// <summary>A console and API user. The password is held only as ASP.NET Core Identity's hash.</summary>
public sealed record HubUser
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public required HubRole Role { get; init; }

    /// <summary>The agency the user submits for (its scope applies); null: submits nothing.</summary>
    public string? Agency { get; init; }

    /// <summary>Mobile number for calls (an approver past a deadline); never written to the audit in clear.</summary>
    public string? Phone { get; init; }

    public required string PasswordHash { get; init; }
    public bool Disabled { get; init; }

    /// <summary>Failed sign-ins in a row since the last good one.</summary>
    public int FailedSignIns { get; init; }

    /// <summary>Sign-in refused until then, after too many failures.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A console session: a random token whose SHA-256 is stored, never the token.</summary>
public sealed record UserSession(string TokenHash, string User, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>Users and their sessions; every change writes its audit row in the same transaction.</summary>
public interface IUserStore
{
    /// <summary>Adds a user; false when the name is taken (nothing changes).</summary>
    Task<bool> AddAsync(HubUser user, string actor, CancellationToken cancellationToken);

    /// <summary>Disables a user and ends its sessions; false when there is no such user.</summary>
    Task<bool> DisableAsync(string name, string actor, CancellationToken cancellationToken);

    Task<HubUser?> GetAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<HubUser>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Records a failed sign-in; locks the user until <paramref name="lockUntil"/> when it is not null.</summary>
    Task RecordFailureAsync(string name, DateTimeOffset? lockUntil, CancellationToken cancellationToken);

    /// <summary>Stores a new session and clears the failure count.</summary>
    Task StartSessionAsync(UserSession session, CancellationToken cancellationToken);

    /// <summary>The session with this token hash if it has not expired or ended.</summary>
    Task<UserSession?> FindSessionAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    Task EndSessionAsync(string tokenHash, CancellationToken cancellationToken);
}
