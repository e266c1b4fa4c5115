namespace WarningHub.Core.Warnings;

/// <summary>
/// Where a warning is in its life. One that needs approval is stored <see cref="PendingApproval"/> and becomes
/// <see cref="Accepted"/> (approved: the release outbox takes it) only when enough distinct approvers said yes.
/// </summary>
public enum WarningState
{
    /// <summary>Stored; waiting for release at its effective time (or, for a Cancel, to be applied).</summary>
    Accepted = 0,

    /// <summary>Planning and persisting slots; a crash here resumes planning at start-up.</summary>
    Releasing = 1,

    /// <summary>Every slot is planned; sending runs until every slot is final.</summary>
    Released = 2,

    /// <summary>Past <c>expires</c>: nothing more is sent.</summary>
    Expired = 3,

    /// <summary>Cancelled by a CAP Cancel: nothing more is sent.</summary>
    Cancelled = 4,

    /// <summary>Replaced by a CAP Update: nothing more is sent for this version.</summary>
    Superseded = 5,

    /// <summary>A Cancel message that has been applied to the warnings it references.</summary>
    Applied = 6,

    /// <summary>
    /// The release could not be completed after repeated tries; <see cref="WarningRecord.Failure"/> says why. Slots
    /// planned before the failure still go out. Shown by status, logged as an error and reported by /health.
    /// </summary>
    Failed = 7,

    /// <summary>
    /// Stored durably, waiting for its approvers (审核签发); the release outbox never sees it. Approval moves it to
    /// <see cref="Accepted"/>; a rejection to <see cref="Rejected"/>; its expiry to <see cref="Expired"/>.
    /// </summary>
    PendingApproval = 8,

    /// <summary>An approver refused it, with a reason: nothing was sent and nothing will be.</summary>
    Rejected = 9,
}

/// <summary>Helpers on <see cref="WarningState"/>.</summary>
public static class WarningStateExtensions
{
    /// <summary>True when the warning will send nothing more.</summary>
    public static bool HasEnded(this WarningState state) =>
        state is WarningState.Expired or WarningState.Cancelled or WarningState.Superseded or WarningState.Applied
        or WarningState.Rejected;
}
