using WarningHub.Abstractions;
using WarningHub.Core.Ledger;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Sending;

/// <summary>
/// What an adapter's answer means for the slot: the engine's one policy for durable slot retries (adapters only say
/// what happened; in-process retries of a single request belong to the adapter's protocol, never a loop here).
/// </summary>
public sealed class SlotOutcomePolicy(RetryPolicy retry, ActiveWarnings active, TimeProvider time)
{
    public SlotOutcome OutcomeOf(LedgerSlot slot, DeliveryResult result, WarningRecord warning, string source)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var now = time.GetUtcNow();
        switch (result.Outcome)
        {
            case SendOutcome.Accepted:
                return new SlotOutcome(slot.Id, DeliveryStatus.Sent, source, result.ProviderMessageIds);
            case SendOutcome.PermanentFailure:
                return new SlotOutcome(slot.Id, DeliveryStatus.Failed, source, Error: Describe(result));
            case SendOutcome.GatewayUnavailable:
                // Nothing left: not an attempt. The runner parks the shard while the gateway is down.
                return new SlotOutcome(slot.Id, DeliveryStatus.Queued, Error: Describe(result), NextAttemptAt: now + GatewayWaits.CheckEvery, AttemptSpent: false);
            case SendOutcome.TemporaryFailure:
                return retry.NextAttempt(slot.Attempts, now, warning.Expires, result.RetryAfter) is { } next
                    ? new SlotOutcome(slot.Id, DeliveryStatus.Queued, source, Error: Describe(result), NextAttemptAt: next)
                    : new SlotOutcome(slot.Id, DeliveryStatus.Failed, source, Error: "retries exhausted: " + Describe(result));
            default:
                // Unknown: the request left and no answer came. Resend (the recipient may get it twice) rather than
                // risk silence, and mark the slot so reports count it; if no retry is left, it is Unconfirmed.
                return retry.NextAttempt(slot.Attempts, now, warning.Expires) is { } again
                    ? new SlotOutcome(slot.Id, DeliveryStatus.Queued, source, Error: Describe(result), NextAttemptAt: again, PossiblyDuplicated: true)
                    : new SlotOutcome(slot.Id, DeliveryStatus.Unconfirmed, source, Error: Describe(result), PossiblyDuplicated: true);
        }
    }

    /// <summary>A claimed slot that was never handed to the adapter: the claim's attempt is given back.</summary>
    public SlotOutcome NotSent(LedgerSlot slot, WarningRecord warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var expired = warning.Expires is { } end && end <= time.GetUtcNow();
        // Neither cancelled nor expired: the host is stopping. Back to the queue for the next start.
        var state = expired ? DeliveryStatus.Expired : active.StopTokenOf(warning.Id).IsCancellationRequested ? DeliveryStatus.Cancelled : DeliveryStatus.Queued;
        return new SlotOutcome(slot.Id, state, Error: state == DeliveryStatus.Queued ? "host stopping" : null, AttemptSpent: false);
    }

    private static string Describe(DeliveryResult r) => r.ErrorCode is null ? r.Reason ?? "" : $"{r.ErrorCode} {r.Reason}";
}
