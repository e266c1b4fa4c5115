using Microsoft.Extensions.Logging;
using WarningHub.Core.Cap;
using WarningHub.Core.Planning;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Approval;
using WarningHub.Engine.Release;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Intake;

/// <summary>
/// Takes a parsed CAP alert from an authenticated agency: validates it for dissemination, resolves the warnings
/// an Update or Cancel references, stores it durably (idempotent on sender and identifier) and dispatches it.
/// A refused submission changes nothing. A warning that the <see cref="ApprovalPolicy"/> says needs approvers is
/// stored <see cref="WarningState.PendingApproval"/> and waits for them (<see cref="ApprovalDesk"/>); any other goes
/// to the release outbox, which it notifies.
/// </summary>
public sealed class WarningIntake(
    IWarningStore warnings,
    ReleaseOutbox outbox,
    ApprovalPolicy approval,
    RegistryHolder registry,
    TimeProvider time,
    ILogger<WarningIntake> logger)
{
    /// <param name="alert">The parsed alert.</param>
    /// <param name="submittedBy">The agency, whose approval policy applies.</param>
    /// <param name="cancellationToken">Ends the wait for the store.</param>
    public Task<IntakeResult> SubmitAsync(CapAlert alert, string submittedBy, CancellationToken cancellationToken) =>
        SubmitAsync(alert, submittedBy, submitter: null, cancellationToken);

    /// <param name="alert">The parsed alert.</param>
    /// <param name="submittedBy">The agency, whose approval policy applies.</param>
    /// <param name="submitter">The hub user who submitted it for the agency (a console session), who may then not approve it; null for a key.</param>
    /// <param name="cancellationToken">Ends the wait for the store.</param>
    /// <param name="received">The CAP XML as received (kept and served as it came, signature intact); null for JSON.</param>
    public async Task<IntakeResult> SubmitAsync(CapAlert alert, string submittedBy, string? submitter, CancellationToken cancellationToken, byte[]? received = null)
    {
        var checkedResult = await CheckAsync(alert, submittedBy, submitter, cancellationToken, received);
        if (checkedResult.Outcome != IntakeOutcome.Accepted) return checkedResult;
        var record = checkedResult.Warning!;
        var approvers = record.ApproversRequired;
        var result = await warnings.AcceptAsync(record, cancellationToken);
        switch (result.Outcome)
        {
            case AcceptOutcome.Conflict:
                return IntakeResult.Refused(IntakeOutcome.Conflict, new CapProblem("identifier",
                    $"'{alert.Identifier}' from '{alert.Sender}' was already submitted with different content (warning {result.Warning.PublicId}); send an Update with a new identifier"));
            case AcceptOutcome.Duplicate:
                return new IntakeResult(IntakeOutcome.Duplicate, result.Warning, []);
        }
        logger.LogInformation("Warning {PublicId} accepted from {Agency}: {MsgType} {Status} {Event}, {Approvers} approver(s) required",
            result.Warning.PublicId, submittedBy, record.MsgType, record.CapStatus, record.Event, approvers);
        // Pending approval is durable too; the outbox hears of it only once it is approved.
        if (approvers > 0) return new IntakeResult(IntakeOutcome.Accepted, result.Warning, []);
        // Accepted is durable: from here the outbox owns it, and its sweep finishes it even if this notice is lost.
        outbox.Notify(result.Warning.Id);
        return new IntakeResult(IntakeOutcome.Accepted, result.Warning, []);
    }

    /// <summary>
    /// Every check of <see cref="SubmitAsync(CapAlert, string, string?, CancellationToken, byte[])"/>, storing nothing: the
    /// warning as it would be stored (no id yet, state and approvers set), or why it is refused. A preview answers from it.
    /// </summary>
    /// <param name="alert">The parsed alert.</param>
    /// <param name="submittedBy">The agency, whose approval policy applies.</param>
    /// <param name="submitter">The hub user who submits it for the agency; null for a key.</param>
    /// <param name="cancellationToken">Ends the wait for the store.</param>
    /// <param name="received">The CAP XML as received; null for JSON.</param>
    public async Task<IntakeResult> CheckAsync(CapAlert alert, string submittedBy, string? submitter, CancellationToken cancellationToken, byte[]? received = null)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (!registry.IsLoaded)
            return IntakeResult.Refused(IntakeOutcome.Unavailable, new CapProblem("(hub)", "no recipient registry is loaded: import one with `warninghub import`"));
        var problems = new List<CapProblem>(CapValidator.Validate(alert));
        if (problems.Count > 0) return new IntakeResult(IntakeOutcome.Invalid, null, problems);

        var info = WarningContent.MainInfo(alert);
        if (alert.MsgType is CapMsgType.Alert or CapMsgType.Update) problems.AddRange(CheckDisseminable(alert, info));
        problems.AddRange(Core.Planning.Policy.ChannelsOff.Check(alert));
        if (alert.MsgType is CapMsgType.Ack or CapMsgType.Error)
            problems.Add(new CapProblem("msgType", $"{alert.MsgType} messages are not disseminated; submit Alert, Update or Cancel."));

        var references = new List<string>();
        WarningRecord? first = null;
        if (alert.MsgType is CapMsgType.Update or CapMsgType.Cancel)
        {
            foreach (var (reference, i) in alert.References.Select((r, i) => (r, i)))
            {
                var earlier = await warnings.FindAsync(reference.Sender, reference.Identifier, cancellationToken);
                if (earlier is null)
                {
                    if (alert.MsgType == CapMsgType.Cancel)
                        problems.Add(new CapProblem($"references[{i}]", $"no warning '{reference.Identifier}' from '{reference.Sender}' is known here"));
                    continue;
                }
                if (earlier.Sender != alert.Sender)
                    return IntakeResult.Refused(IntakeOutcome.Forbidden, new CapProblem($"references[{i}]", "only the original sender may update or cancel a warning"));
                references.Add(earlier.PublicId);
                first ??= earlier;
            }
        }
        if (problems.Count > 0) return new IntakeResult(IntakeOutcome.Invalid, null, problems);

        var capXml = StoredCap.Write(alert, out var unreadable);
        if (capXml is null) return IntakeResult.Refused(IntakeOutcome.Invalid, unreadable!);
        var record = RecordOf(alert, info, submittedBy, references, capXml) with
        {
            ReceivedCap = ReadsBack(received, alert) ? received : null,
            Submitter = submitter,
        };
        // A Cancel usually carries no info block: it speaks of the warning it ends, so its 解除 message names that one.
        if (info is null && first is not null)
            record = record with { Event = first.Event, Level = first.Level, Headline = first.Headline };
        var approvers = approval.ApproversFor(submittedBy, record.MsgType, record.Level, record.CapStatus);
        if (approvers > 0) record = record with { ApproversRequired = approvers, State = WarningState.PendingApproval };
        return new IntakeResult(IntakeOutcome.Accepted, record, []);
    }

    /// <summary>CAP's rules for dissemination, plus what only the hub knows: the time and the registry.</summary>
    private IEnumerable<CapProblem> CheckDisseminable(CapAlert alert, CapInfo? info)
    {
        foreach (var p in CapValidator.ValidateForDissemination(alert)) yield return p;
        foreach (var p in CountyGeocodes.Check(alert, registry.Current)) yield return p;
        if (info is null) yield break;
        var index = alert.Infos.ToList().IndexOf(info);
        if (info.Expires is { } expires && expires <= time.GetUtcNow())
            yield return new CapProblem($"info[{index}].expires", $"{expires:O} has passed: an expired warning is not disseminated");
        var target = WarningContent.TargetOf(alert, testOnly: false);
        if (!info.Areas.Any(CapGeocodes.Locates)) yield break;
        if (target.AreaCodes.Count == 0 && target.Shapes.IsEmpty)
            yield return new CapProblem($"info[{index}].area", "no division-code geocode is a well-formed code and there is no polygon or circle");
        else if (!TouchesRegistry(target))
            yield return new CapProblem($"info[{index}].area", $"the area does not cover any place of {registry.Current.County.Name} ({registry.Current.County.Code})");
    }

    /// <summary>The received form is kept only when it reads back, without input limits, as this very alert.</summary>
    private static bool ReadsBack(byte[]? received, CapAlert alert)
    {
        if (received is null) return false;
        using var stream = new MemoryStream(received, writable: false);
        var again = CapXmlReader.Read(stream, CapReadOptions.Stored).Alert;
        return again is not null && again.ComputeFingerprint() == alert.ComputeFingerprint();
    }

    private bool TouchesRegistry(PlanTarget target)
    {
        var r = registry.Current;
        if (target.AreaCodes.Any(c => r.VillagesUnder(c).Count > 0)) return true;
        return !target.Shapes.IsEmpty && r.Villages.Any(v => v.Latitude is { } lat && v.Longitude is { } lon && target.Shapes.Bounds.Contains(lat, lon));
    }

    private WarningRecord RecordOf(CapAlert alert, CapInfo? info, string submittedBy, List<string> references, string capXml) => new()
    {
        PublicId = "",
        Sender = alert.Sender,
        Identifier = alert.Identifier,
        Fingerprint = alert.ComputeFingerprint(),
        CapStatus = alert.Status,
        MsgType = alert.MsgType,
        Event = info?.Event ?? "",
        Level = info is not null && WarningLevels.TryGetLevel(info, out var level) ? level : null,
        Headline = info?.Headline ?? info?.Event ?? alert.Note ?? "",
        Sent = alert.Sent,
        Effective = info?.Effective ?? alert.Sent,
        Expires = info?.Expires,
        ReceivedAt = time.GetUtcNow(),
        SubmittedBy = submittedBy,
        CapXml = capXml,
        References = references,
        State = WarningState.Accepted,
    };
}
