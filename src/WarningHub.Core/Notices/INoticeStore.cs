using WarningHub.Abstractions;

namespace WarningHub.Core.Notices;

/// <summary>The durable queue of officer notices, in the ledger's database.</summary>
public interface INoticeStore
{
    /// <summary>
    /// Queues notices due at <paramref name="at"/> (or at their <see cref="OfficerNotice.NotBefore"/>, when later) in one
    /// transaction; keys already queued are skipped. Returns how many were new.
    /// </summary>
    Task<int> EnqueueAsync(IReadOnlyList<OfficerNotice> notices, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Moves up to <paramref name="max"/> queued notices due by <paramref name="now"/> to Sending, spending an attempt
    /// each; never one whose <see cref="OfficerNotice.NotBefore"/> is still ahead.
    /// </summary>
    Task<IReadOnlyList<StoredNotice>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Records the outcomes of claimed notices in one transaction.</summary>
    Task RecordAsync(IReadOnlyList<NoticeOutcome> outcomes, CancellationToken cancellationToken);

    /// <summary>
    /// After a stop: notices left in Sending are queued again at <paramref name="now"/> and flagged possibly
    /// duplicated (their request may have left). An officer may get a notice twice; never none.
    /// </summary>
    Task<int> RecoverAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Notices of a warning, or those whose key starts with <paramref name="keyPrefix"/> when given, in id order.</summary>
    Task<IReadOnlyList<StoredNotice>> OfWarningAsync(long warningId, string? keyPrefix, CancellationToken cancellationToken);
}
