using WarningHub.Abstractions;

namespace WarningHub.Core.Ledger;

/// <summary>What became of one claimed slot after a send attempt.</summary>
/// <param name="State">Sent, Failed, Queued (to be retried at <paramref name="NextAttemptAt"/>) or Unconfirmed.</param>
/// <param name="Source">The adapter that took it (kept as the slot's gateway); receipts are matched per source. Null: none did.</param>
/// <param name="MessageIds">The gateway's ids of every part, for receipt matching.</param>
/// <param name="PossiblyDuplicated">The outcome of an attempt was unknown: a resend may duplicate.</param>
/// <param name="AttemptSpent">
/// False when nothing left because the gateway could not take it (guarantee 9): the claim's attempt is given back.
/// </param>
/// <param name="Receipts">
/// Receipts of its parts that came before this outcome was written (a fast gateway's): recorded with it, so a slot
/// whose every part was delivered goes from Sending to Delivered in one update.
/// </param>
public readonly record struct SlotOutcome(
    long SlotId,
    DeliveryStatus State,
    string? Source = null,
    IReadOnlyList<string>? MessageIds = null,
    string? Error = null,
    DateTimeOffset? NextAttemptAt = null,
    bool PossiblyDuplicated = false,
    bool AttemptSpent = true,
    IReadOnlyList<Receipt>? Receipts = null);
