using WarningHub.Core.Registry;

namespace WarningHub.Core.Acknowledgements;

/// <summary>How an officer answered a 叫应 call.</summary>
public enum AcknowledgementMethod
{
    /// <summary>Replied to the SMS ("1", "收到", ...).</summary>
    Sms = 1,

    /// <summary>Opened the signed link and pressed 收到.</summary>
    Link = 2,

    /// <summary>A village broadcaster pressed "played" on the bulletin page.</summary>
    Played = 3,

    /// <summary>Picked up a voice call (语音通知) and pressed 1.</summary>
    Voice = 4,
}

/// <summary>
/// One officer's 叫应 for one warning (叫应: the officer must answer the call). The name, phone, tier and regions are
/// those of the registry when the call was made, so the record stays readable after a new import.
/// </summary>
/// <param name="Regions">The 12-digit codes of the targeted regions the officer answers for, in code order.</param>
/// <param name="Deadline">How long after the call the officer has to answer; each escalation step waits one more.</param>
public sealed record Acknowledgement(
    long WarningId,
    long OfficerId,
    string Name,
    string Phone,
    ResponsibilityTier Tier,
    IReadOnlyList<string> Regions,
    DateTimeOffset SentAt,
    TimeSpan Deadline)
{
    /// <summary>When the officer answered, or null while silent.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>How the officer answered, or null while silent.</summary>
    public AcknowledgementMethod? AnsweredBy { get; init; }

    /// <summary>Escalation steps taken while the officer was silent (0, 1 or 2).</summary>
    public int Escalations { get; init; }

    /// <summary>When the last escalation step was taken.</summary>
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>Steps an unanswered call goes through: reminder and the next tier, then the tier after.</summary>
    public const int MaxEscalations = 2;

    /// <summary>True while unanswered.</summary>
    public bool IsSilent => AnsweredAt is null;

    /// <summary>When the next escalation step is due, or null when the call was answered or has taken every step.</summary>
    public DateTimeOffset? NextDeadline => IsSilent && Escalations < MaxEscalations ? SentAt + (Deadline * (Escalations + 1)) : null;
}

/// <summary>One escalation step an officer's silent call took: from <paramref name="FromStep"/> to the next.</summary>
public readonly record struct EscalationStep(long OfficerId, int FromStep);
