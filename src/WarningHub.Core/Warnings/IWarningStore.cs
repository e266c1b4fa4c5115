namespace WarningHub.Core.Warnings;

/// <summary>The outcome of storing a submitted warning.</summary>
public enum AcceptOutcome
{
    /// <summary>Stored now.</summary>
    Created,

    /// <summary>The same (sender, identifier) with the same content was stored before: same id.</summary>
    Duplicate,

    /// <summary>The same (sender, identifier) with different content: refused.</summary>
    Conflict,
}

/// <summary>Result of <see cref="IWarningStore.AcceptAsync"/>.</summary>
public sealed record AcceptResult(AcceptOutcome Outcome, WarningRecord Warning);

/// <summary>
/// Durable store of warnings. Every state change is a conditional update so it happens once. Accepting writes the
/// submission's audit row in the same transaction.
/// </summary>
public interface IWarningStore
{
    /// <summary>Stores a warning durably (committed before returning), idempotent on (sender, identifier).</summary>
    Task<AcceptResult> AcceptAsync(WarningRecord warning, CancellationToken cancellationToken);

    /// <summary>By public id.</summary>
    Task<WarningRecord?> GetAsync(string publicId, CancellationToken cancellationToken);

    /// <summary>By internal id.</summary>
    Task<WarningRecord?> GetByIdAsync(long id, CancellationToken cancellationToken);

    /// <summary>By (sender, identifier), the key CAP references use.</summary>
    Task<WarningRecord?> FindAsync(string sender, string identifier, CancellationToken cancellationToken);

    /// <summary>Moves a warning from <paramref name="from"/> to <paramref name="to"/>; false if it was not in <paramref name="from"/>.</summary>
    Task<bool> TransitionAsync(long id, WarningState from, WarningState to, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Ends a warning that has not ended yet (also one pending approval) as Expired, Cancelled, Superseded or Applied; false if it had.</summary>
    Task<bool> EndAsync(long id, WarningState to, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Moves a warning that is still Accepted or Releasing to Failed with the reason; false if it was not in either.</summary>
    Task<bool> FailAsync(long id, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Warnings whose release has not finished (Accepted or Releasing), oldest first: the release outbox.</summary>
    Task<IReadOnlyList<WarningRecord>> ListUnreleasedAsync(CancellationToken cancellationToken);

    /// <summary>Warnings waiting for approval, oldest first.</summary>
    Task<IReadOnlyList<WarningRecord>> ListPendingApprovalAsync(CancellationToken cancellationToken);

    /// <summary>Warnings whose release failed and that have not ended.</summary>
    Task<IReadOnlyList<WarningRecord>> ListFailedAsync(CancellationToken cancellationToken);

    /// <summary>Warnings that have not ended, for rebuilding triggers and jobs at start-up.</summary>
    Task<IReadOnlyList<WarningRecord>> ListActiveAsync(CancellationToken cancellationToken);
}
