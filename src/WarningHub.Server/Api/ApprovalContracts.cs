using WarningHub.Core.Approval;
using WarningHub.Core.Warnings;

namespace WarningHub.Server.Api;

/// <summary>POST /api/v1/sessions: a user's name and password.</summary>
public sealed record SignInRequest(string? User, string? Password);

/// <summary>A new console session: send <paramref name="Token"/> as <c>Authorization: Bearer …</c>.</summary>
public sealed record SessionResponse(string Token, string User, string Role, DateTimeOffset ExpiresAt);

/// <summary>POST /api/v1/warnings/{id}/reject: why.</summary>
public sealed record RejectRequest(string? Reason);

/// <summary>One approver's decision.</summary>
public sealed record DecisionJson(string User, bool Approved, string? Reason, DateTimeOffset At);

/// <summary>Where a warning stands in approval: how many distinct approvers it needs and who decided.</summary>
/// <param name="Required">Distinct approvers needed (0: released without approval).</param>
/// <param name="Approvals">Distinct users who approved.</param>
/// <param name="Status">pending, approved, rejected, expired, cancelled or not-required.</param>
public sealed record ApprovalJson(int Required, int Approvals, string Status, string? Submitter, DateTimeOffset? Deadline, IReadOnlyList<DecisionJson> Decisions)
{
    public static ApprovalJson Of(WarningRecord w, IReadOnlyList<ApprovalDecision> decisions, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(decisions);
        var status = w.ApproversRequired == 0 ? "not-required" : w.State switch
        {
            WarningState.PendingApproval => "pending",
            WarningState.Rejected => "rejected",
            _ when decisions.Count(d => d.Approved) >= w.ApproversRequired => "approved",
            WarningState.Expired => "expired",
            WarningState.Cancelled or WarningState.Superseded => "cancelled",
            _ => "approved",
        };
        return new ApprovalJson(w.ApproversRequired, decisions.Where(d => d.Approved).Select(d => d.User).Distinct(StringComparer.Ordinal).Count(), status,
            w.Submitter, w.State == WarningState.PendingApproval ? w.ReceivedAt + deadline : null,
            [.. decisions.Select(d => new DecisionJson(d.User, d.Approved, d.Reason, d.At))]);
    }
}

/// <summary>A warning waiting for approval, as GET /api/v1/approvals lists it.</summary>
public sealed record PendingWarningJson(string Id, string Sender, string SubmittedBy, string Status, string MsgType, string Event, string Level,
    string Headline, DateTimeOffset ReceivedAt, DateTimeOffset? Expires, IReadOnlyList<string> References, ApprovalJson Approval);

/// <summary>The answer to approve or reject.</summary>
/// <param name="Outcome">recorded (more approvers needed), approved (goes to release) or rejected.</param>
public sealed record DecisionResponse(string Id, string Outcome, string State, ApprovalJson Approval);
