namespace WarningHub.Core.Acknowledgements;

/// <summary>How a 叫应 voice call (语音通知) ended, as its gateway reported it.</summary>
public enum VoiceCallOutcome
{
    /// <summary>Picked up and pressed 1: the officer answered the 叫应.</summary>
    Confirmed = 1,

    /// <summary>Picked up but did not press 1: heard, not confirmed; the escalation goes on.</summary>
    AnsweredWithoutConfirming = 2,

    /// <summary>The line was busy.</summary>
    Busy = 3,

    /// <summary>It rang and nobody picked up.</summary>
    NoAnswer = 4,

    /// <summary>The call could not be made.</summary>
    Failed = 5,

    /// <summary>The handset was off or out of coverage (关机).</summary>
    PoweredOff = 6,
}

/// <summary>
/// The result of one voice call to an officer about a warning's 叫应, recorded once per call id: a repeated callback
/// finds it there and changes nothing.
/// </summary>
/// <param name="CallId">The hub's name for the call (the notice key: <c>ack:{warning}:{officer}:voice:{attempt}</c>).</param>
/// <param name="Attempt">1 for the call with the 叫应, 2 for the one at the deadline with the reminder.</param>
/// <param name="Gateway">The voice gateway that reported it (its settings name).</param>
/// <param name="Keypress">The keys pressed, or null.</param>
/// <param name="EndedAt">When the call ended, by the gateway's clock.</param>
/// <param name="ReceivedAt">When the hub received the result.</param>
public sealed record VoiceCallResult(string CallId, long WarningId, long OfficerId, int Attempt, string Gateway, VoiceCallOutcome Outcome,
    string? Keypress, DateTimeOffset EndedAt, DateTimeOffset ReceivedAt);

/// <summary>Voice call results in the ledger's database.</summary>
public interface IVoiceCallStore
{
    /// <summary>Records a result; false (and nothing changed) when a result for that call id is already recorded.</summary>
    Task<bool> RecordAsync(VoiceCallResult result, CancellationToken cancellationToken);

    /// <summary>Every recorded result of a warning's calls, by officer then attempt.</summary>
    Task<IReadOnlyList<VoiceCallResult>> OfWarningAsync(long warningId, CancellationToken cancellationToken);
}
