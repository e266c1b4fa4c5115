using WarningHub.Abstractions;
using WarningHub.Core.Ledger;
using WarningHub.Core.Warnings;

namespace WarningHub.Engine.Sending;

public sealed partial class ShardJob
{
    private SlotOutcome OutcomeOf(LedgerSlot slot, DeliveryResult result, WarningRecord warning, string source)
    {
        var now = time.GetUtcNow();
        switch (result.Outcome)
        {
            case SendOutcome.Accepted:
                return new SlotOutcome(slot.Id, DeliveryStatus.Sent, source, result.ProviderMessageIds);
            case SendOutcome.PermanentFailure:
                return new SlotOutcome(slot.Id, DeliveryStatus.Failed, Error: Describe(result));
            case SendOutcome.TemporaryFailure:
                return retry.NextAttempt(slot.Attempts, now, warning.Expires, result.RetryAfter) is { } next
                    ? new SlotOutcome(slot.Id, DeliveryStatus.Queued, Error: Describe(result), NextAttemptAt: next)
                    : new SlotOutcome(slot.Id, DeliveryStatus.Failed, Error: "retries exhausted: " + Describe(result));
            default:
                // Unknown: the message may have gone. Resend (the recipient may get it twice) rather than risk
                // silence, and mark the slot so reports count it; if no retry is left, it is Unconfirmed.
                return retry.NextAttempt(slot.Attempts, now, warning.Expires) is { } again
                    ? new SlotOutcome(slot.Id, DeliveryStatus.Queued, Error: Describe(result), NextAttemptAt: again, PossiblyDuplicated: true)
                    : new SlotOutcome(slot.Id, DeliveryStatus.Unconfirmed, Error: Describe(result), PossiblyDuplicated: true);
        }
    }

    private SlotOutcome NotSent(LedgerSlot slot, WarningRecord warning)
    {
        var expired = warning.Expires is { } end && end <= time.GetUtcNow();
        // Neither cancelled nor expired: the host is stopping. Back to the queue for the next start.
        var state = expired ? DeliveryStatus.Expired : active.StopTokenOf(warning.Id).IsCancellationRequested ? DeliveryStatus.Cancelled : DeliveryStatus.Queued;
        return new SlotOutcome(slot.Id, state, Error: state == DeliveryStatus.Queued ? "host stopping" : null);
    }

    private static string Describe(DeliveryResult r) => r.ErrorCode is null ? r.Reason ?? "" : $"{r.ErrorCode} {r.Reason}";
}
