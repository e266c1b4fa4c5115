namespace WarningHub.Core.Approval;

/// <summary>One approver's yes, or one rejection with its reason.</summary>
public sealed record ApprovalDecision(string User, bool Approved, string? Reason, DateTimeOffset At);

/// <summary>How an approve or reject request ended.</summary>
public enum ApprovalOutcome
{
    /// <summary>The approval is recorded; more distinct approvers are needed.</summary>
    Recorded,

    /// <summary>The last approval needed: the warning is approved and goes to release.</summary>
    Approved,

    /// <summary>The warning is rejected; nothing is sent.</summary>
    Rejected,

    /// <summary>No such warning.</summary>
    NotFound,

    /// <summary>It is not waiting for approval (released, rejected, expired, cancelled…); nothing changed.</summary>
    NotPending,

    /// <summary>The user submitted it: a submitter never approves.</summary>
    Submitter,

    /// <summary>The user has approved it already (from this or another session): one person counts once.</summary>
    AlreadyApproved,
}

/// <summary>The answer to an approve or reject, with the decisions so far.</summary>
public sealed record ApprovalResult(ApprovalOutcome Outcome, long WarningId, int Required, IReadOnlyList<ApprovalDecision> Decisions)
{
    public int Approvals => Decisions.Count(d => d.Approved);
}

/// <summary>
/// Approval decisions, each a conditional write in one transaction with its audit row: the warning must be pending,
/// the user must not be its submitter nor have approved it before, and the approval that makes the count moves the
/// warning to Accepted, once. Counting distinct users in the database is what keeps the two-person rule whatever
/// path (API, CLI, two sessions, a race) the approvals come by.
/// </summary>
public interface IApprovalStore
{
    Task<ApprovalResult> ApproveAsync(long warningId, string user, DateTimeOffset at, CancellationToken cancellationToken);

    Task<ApprovalResult> RejectAsync(long warningId, string user, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApprovalDecision>> DecisionsAsync(long warningId, CancellationToken cancellationToken);

    /// <summary>Approvers already called for this warning (past its deadline), in call order.</summary>
    Task<IReadOnlyList<string>> CalledAsync(long warningId, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="user"/> was called for the warning; false if already.</summary>
    Task<bool> RecordCallAsync(long warningId, string user, DateTimeOffset at, CancellationToken cancellationToken);
}
