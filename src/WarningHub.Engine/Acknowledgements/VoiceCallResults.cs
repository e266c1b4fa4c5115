using Microsoft.Extensions.Logging;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Warnings;

namespace WarningHub.Engine.Acknowledgements;

/// <summary>What became of a voice call's result.</summary>
public enum VoiceResultHandling
{
    /// <summary>Recorded (and, for a 1, the officer's 叫应 answered).</summary>
    Recorded,

    /// <summary>That call's result was already recorded: nothing changed.</summary>
    Repeated,

    /// <summary>The call id names no 叫应 call of this hub: nothing recorded.</summary>
    UnknownCall,
}

/// <summary>
/// Records the results voice gateways report (after their callback was authenticated): every result once per call id,
/// and a 1 pressed counts as the officer's answer to that warning's 叫应 (how: voice) while the warning is still out.
/// Picked up without 1, busy, unanswered, failed or powered off leaves the call silent: the escalation calls again at
/// the deadline and tells the next tier. A repeated callback changes nothing; the answer is given again only to finish
/// one a crash may have cut between the two writes (answering is idempotent: the first answer stays).
/// </summary>
public sealed partial class VoiceCallResults(IVoiceCallStore results, IAcknowledgementStore acknowledgements, IWarningStore warnings,
    TimeProvider time, ILogger<VoiceCallResults> logger)
{
    /// <summary>Handles one result reported by <paramref name="gateway"/>.</summary>
    public async Task<VoiceResultHandling> HandleAsync(string gateway, string callId, VoiceCallOutcome outcome, string? keypress, DateTimeOffset endedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        if (!AcknowledgementVoice.TryParseCallId(callId, out var warningId, out var officerId, out var attempt)) return Unknown(gateway);
        var calls = await acknowledgements.OfWarningAsync(warningId, cancellationToken);
        if (!calls.Any(c => c.OfficerId == officerId)) return Unknown(gateway);

        var now = time.GetUtcNow();
        var recorded = await results.RecordAsync(new VoiceCallResult(callId, warningId, officerId, attempt, gateway, outcome, keypress, endedAt, now), cancellationToken);
        if (outcome == VoiceCallOutcome.Confirmed)
        {
            var warning = await warnings.GetByIdAsync(warningId, cancellationToken);
            if (warning?.State is WarningState.Releasing or WarningState.Released)
            {
                var answered = await acknowledgements.AnswerAsync(warningId, [officerId], AcknowledgementMethod.Voice, now, cancellationToken);
                if (answered.Count > 0) LogAnswered(warning.PublicId, officerId, attempt);
            }
            else if (recorded)
            {
                LogTooLate(warningId, officerId);
            }
        }

        if (recorded) LogResult(warningId, officerId, attempt, outcome, gateway);
        return recorded ? VoiceResultHandling.Recorded : VoiceResultHandling.Repeated;
    }

    private VoiceResultHandling Unknown(string gateway)
    {
        LogUnknown(gateway);
        return VoiceResultHandling.UnknownCall;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Warning {PublicId}: officer {OfficerId} answered 叫应 by voice (call {Attempt}, pressed 1)")]
    private partial void LogAnswered(string publicId, long officerId, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Warning {WarningId}: voice call {Attempt} to officer {OfficerId} ended {Outcome} ({Gateway})")]
    private partial void LogResult(long warningId, long officerId, int attempt, VoiceCallOutcome outcome, string gateway);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Voice gateway {Gateway} reported a call this hub did not make; nothing recorded")]
    private partial void LogUnknown(string gateway);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Warning {WarningId}: officer {OfficerId} pressed 1 after the warning ended; recorded, not counted")]
    private partial void LogTooLate(long warningId, long officerId);
}
