using WarningHub.Abstractions;

namespace WarningHub.Core.Notices;

/// <summary>
/// A text to one officer (a 叫应 call, its reminder, a list of silent names, a door-to-door link): queued durably,
/// sent by SMS or by a WeCom robot mentioning the officer, and retried like a ledger slot until it has left.
/// </summary>
/// <param name="Key">
/// Names the notice for idempotency: a notice whose key is already queued is not queued again, so a step that is
/// repeated after a crash sends nothing twice. For example <c>ack:{warning}:{officer}:call</c>.
/// </param>
/// <param name="WarningId">The warning it is about; sending stops when that warning has ended. 0 for none.</param>
/// <param name="OfficerId">The officer it is for.</param>
/// <param name="Channel">The ledger channel that sends it: <c>sms</c> or <c>wecom</c>.</param>
/// <param name="Address">A mobile number for SMS; a town's 12-digit code (its robot) for WeCom.</param>
/// <param name="Text">The whole text, signature included.</param>
public sealed record OfficerNotice(string Key, long WarningId, long OfficerId, string Channel, string Address, string Text)
{
    /// <summary>A mobile number the WeCom robot @-mentions; null for SMS.</summary>
    public string? Mention { get; init; }

    /// <summary>
    /// Not sent before this time: a door-to-door link is queued at release and goes out minutes later. Kept in the
    /// store, so a restart in between neither loses nor hastens it. Null: sent as soon as it is queued.
    /// </summary>
    public DateTimeOffset? NotBefore { get; init; }
}

/// <summary>A notice as the store holds it.</summary>
public sealed record StoredNotice(long Id, OfficerNotice Notice, DeliveryStatus State, int Attempts, bool PossiblyDuplicated,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? Error);

/// <summary>How one send of a claimed notice ended.</summary>
/// <param name="State">Sent, Failed, Cancelled (its warning ended) or Queued (to try again at <paramref name="NextAt"/>).</param>
/// <param name="RefundAttempt">The attempt did not count (the gateway was unavailable: nothing left).</param>
/// <param name="PossiblyDuplicated">The request may have left before the outcome was lost: a resend may duplicate.</param>
public readonly record struct NoticeOutcome(long Id, DeliveryStatus State, DateTimeOffset At, DateTimeOffset? NextAt = null,
    string? Error = null, bool RefundAttempt = false, bool PossiblyDuplicated = false);
