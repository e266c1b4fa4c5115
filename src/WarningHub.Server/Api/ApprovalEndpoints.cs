using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WarningHub.Core.Approval;
using WarningHub.Core.Cap;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Approval;
using WarningHub.Server.Security;

namespace WarningHub.Server.Api;

/// <summary>
/// GET /api/v1/approvals, POST /api/v1/warnings/{id}/approve and /reject. Only a signed-in 签发人 decides, and the
/// decision is the store's: distinct users counted in one transaction, the submitter refused, a second approval by the
/// same person (from any session) refused.
/// </summary>
internal static class ApprovalEndpoints
{
    public static async Task<Ok<List<PendingWarningJson>>> PendingAsync(IWarningStore warnings, IApprovalStore approvals,
        IOptions<ApprovalOptions> options, CancellationToken cancellationToken)
    {
        var list = new List<PendingWarningJson>();
        foreach (var w in await warnings.ListPendingApprovalAsync(cancellationToken))
        {
            var approval = ApprovalJson.Of(w, await approvals.DecisionsAsync(w.Id, cancellationToken), options.Value.Deadline);
            list.Add(new PendingWarningJson(w.PublicId, w.Sender, w.SubmittedBy, w.CapStatus.ToString(), w.MsgType.ToString(), w.Event,
                w.Level?.ToString() ?? "", w.Headline, w.ReceivedAt, w.Expires, w.References, approval));
        }
        return TypedResults.Ok(list);
    }

    public static async Task<Results<Ok<DecisionResponse>, ProblemHttpResult>> ApproveAsync(string id, ClaimsPrincipal user, IWarningStore warnings,
        ApprovalDesk desk, IApprovalStore approvals, IOptions<ApprovalOptions> options, CancellationToken cancellationToken)
    {
        if (await warnings.GetAsync(id, cancellationToken) is not { } warning) return NotFound(id);
        var result = await desk.ApproveAsync(warning, NameOf(user), cancellationToken);
        return await AnswerAsync(id, result, warnings, approvals, options, cancellationToken);
    }

    public static async Task<Results<Ok<DecisionResponse>, ProblemHttpResult>> RejectAsync(string id, RejectRequest? request, ClaimsPrincipal user,
        IWarningStore warnings, ApprovalDesk desk, IApprovalStore approvals, IOptions<ApprovalOptions> options, CancellationToken cancellationToken)
    {
        var reason = request?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Problems.Of(StatusCodes.Status400BadRequest, "Reason required", [new CapProblem("reason", "say why the warning is rejected")]);
        if (reason.Length > 2000) return Problems.Of(StatusCodes.Status400BadRequest, "Reason too long", [new CapProblem("reason", "at most 2,000 characters")]);
        if (await warnings.GetAsync(id, cancellationToken) is not { } warning) return NotFound(id);
        var result = await desk.RejectAsync(warning, NameOf(user), reason, cancellationToken);
        return await AnswerAsync(id, result, warnings, approvals, options, cancellationToken);
    }

    private static async Task<Results<Ok<DecisionResponse>, ProblemHttpResult>> AnswerAsync(string id, ApprovalResult result, IWarningStore warnings,
        IApprovalStore approvals, IOptions<ApprovalOptions> options, CancellationToken cancellationToken)
    {
        var warning = await warnings.GetAsync(id, cancellationToken);
        if (warning is null) return NotFound(id);
        var approval = ApprovalJson.Of(warning, await approvals.DecisionsAsync(warning.Id, cancellationToken), options.Value.Deadline);
        return result.Outcome switch
        {
            ApprovalOutcome.Recorded or ApprovalOutcome.Approved or ApprovalOutcome.Rejected =>
                TypedResults.Ok(new DecisionResponse(id, result.Outcome.ToString().ToLowerInvariant(), warning.State.ToString(), approval)),
            ApprovalOutcome.Submitter => Problems.Of(StatusCodes.Status403Forbidden, "The submitter may not approve",
                [new CapProblem("user", $"'{warning.Submitter}' submitted {id}: another approver must decide")]),
            ApprovalOutcome.AlreadyApproved => Problems.Of(StatusCodes.Status409Conflict, "Already approved by this user",
                [new CapProblem("user", $"approves once, whatever the session: {approval.Approvals} of {approval.Required} distinct approvers so far")]),
            ApprovalOutcome.NotPending => Problems.Of(StatusCodes.Status409Conflict, "Not waiting for approval",
                [new CapProblem("state", $"{id} is {warning.State}: nothing changed")]),
            _ => NotFound(id),
        };
    }

    private static string NameOf(ClaimsPrincipal user) =>
        user.UserOf() ?? throw new InvalidOperationException("Approval endpoints are mapped without the approver policy.");

    private static ProblemHttpResult NotFound(string id) => Problems.Of(StatusCodes.Status404NotFound, "No such warning", detail: $"No warning has the id '{id}'.");
}
