using WarningHub.Abstractions;

namespace WarningHub.Core.Ledger;

/// <summary>Slot counts of one warning (and channel) by state.</summary>
/// <param name="FailedAfterAcceptance">Failed slots the gateway had accepted (the receipt said undelivered).</param>
public sealed record SlotCounts(IReadOnlyDictionary<DeliveryStatus, int> ByState, int PossiblyDuplicated, int FailedAfterAcceptance = 0)
{
    /// <summary>All slots.</summary>
    public int Total => ByState.Values.Sum();

    /// <summary>Slots in a final state.</summary>
    public int Final => ByState.Where(kv => kv.Key.IsFinal()).Sum(kv => kv.Value);

    /// <summary>The count in one state.</summary>
    public int this[DeliveryStatus state] => ByState.TryGetValue(state, out var n) ? n : 0;

    /// <summary>Slots that left our hands (sent, delivered, sent without confirmation, or failed after the gateway took them).</summary>
    public int Sent => this[DeliveryStatus.Sent] + this[DeliveryStatus.Delivered] + this[DeliveryStatus.Unconfirmed] + FailedAfterAcceptance;
}
