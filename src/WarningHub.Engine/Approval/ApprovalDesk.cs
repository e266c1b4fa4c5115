using Microsoft.Extensions.Logging;
using WarningHub.Core.Approval;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Release;

namespace WarningHub.Engine.Approval;

/// <summary>
/// Where approvers decide. The decision is the store's conditional transaction (distinct approvers counted in the
/// database); when it completes the count the warning is Accepted and the release outbox is told, exactly as intake
/// tells it of a warning that needs no approval. If that notice is lost, the outbox's sweep still finds it.
/// </summary>
public sealed partial class ApprovalDesk(IApprovalStore approvals, ReleaseOutbox outbox, TimeProvider time, ILogger<ApprovalDesk> logger)
{
    public async Task<ApprovalResult> ApproveAsync(WarningRecord warning, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var result = await approvals.ApproveAsync(warning.Id, user, time.GetUtcNow(), cancellationToken);
        if (result.Outcome == ApprovalOutcome.Approved)
        {
            LogApproved(warning.PublicId, string.Join(", ", result.Decisions.Where(d => d.Approved).Select(d => d.User)));
            outbox.Notify(warning.Id);
        }
        else if (result.Outcome == ApprovalOutcome.Recorded)
        {
            LogRecorded(warning.PublicId, user, result.Approvals, result.Required);
        }
        return result;
    }

    public async Task<ApprovalResult> RejectAsync(WarningRecord warning, string user, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var result = await approvals.RejectAsync(warning.Id, user, reason, time.GetUtcNow(), cancellationToken);
        if (result.Outcome == ApprovalOutcome.Rejected) LogRejected(warning.PublicId, user);
        return result;
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Warning {PublicId} approved by {Approvers}: released to the outbox")]
    private partial void LogApproved(string publicId, string approvers);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Warning {PublicId}: approval by {User} recorded ({Count} of {Required})")]
    private partial void LogRecorded(string publicId, string user, int count, int required);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Warning {PublicId} rejected by {User}")]
    private partial void LogRejected(string publicId, string user);
}
