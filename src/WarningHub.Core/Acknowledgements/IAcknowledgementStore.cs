using WarningHub.Core.Notices;

namespace WarningHub.Core.Acknowledgements;

/// <summary>
/// 叫应 calls in the ledger's database. Every change comes with the notices it sends in the same transaction, so
/// a crash never leaves a call without its message or an escalation step without its list.
/// </summary>
public interface IAcknowledgementStore
{
    /// <summary>Records the calls and queues their notices at <paramref name="at"/>; calls already made are skipped. Returns how many calls were new.</summary>
    Task<int> StartAsync(IReadOnlyList<Acknowledgement> calls, IReadOnlyList<OfficerNotice> notices, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Takes escalation steps and queues their notices, all or nothing: false (and nothing changed) when any call
    /// has moved since it was read (answered, or stepped by another run).
    /// </summary>
    Task<bool> EscalateAsync(long warningId, IReadOnlyList<EscalationStep> steps, IReadOnlyList<OfficerNotice> notices, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Answers the calls of these officers for a warning; calls already answered keep their first answer. Returns the calls answered now.</summary>
    Task<IReadOnlyList<Acknowledgement>> AnswerAsync(long warningId, IReadOnlyList<long> officerIds, AcknowledgementMethod method, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Answers every silent call to <paramref name="phone"/> of warnings still released (an SMS reply names no warning). Returns the calls answered.</summary>
    Task<IReadOnlyList<Acknowledgement>> AnswerByPhoneAsync(string phone, AcknowledgementMethod method, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every call of a warning, by tier then officer id.</summary>
    Task<IReadOnlyList<Acknowledgement>> OfWarningAsync(long warningId, CancellationToken cancellationToken);

    /// <summary>For each released warning with a silent call still to escalate, the earliest such deadline: what start-up schedules again.</summary>
    Task<IReadOnlyList<(long WarningId, DateTimeOffset At)>> PendingDeadlinesAsync(CancellationToken cancellationToken);
}
