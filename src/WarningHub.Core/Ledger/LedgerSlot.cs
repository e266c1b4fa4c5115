using WarningHub.Abstractions;

namespace WarningHub.Core.Ledger;

/// <summary>
/// One (warning, channel, recipient) slot. Slot ids of a warning are contiguous and so are those of a shard,
/// which lets the ledger address a shard or a warning as an id range instead of through an index.
/// </summary>
/// <param name="VillageCode">The 12-digit code of the village the recipient belongs to, as a number.</param>
/// <param name="Persons">How many targeted persons this address stands for (a shared phone stands for several).</param>
public readonly record struct LedgerSlot(
    long Id,
    long ShardId,
    string Address,
    long VillageCode,
    int Persons,
    DeliveryStatus State,
    int Attempts,
    bool PossiblyDuplicated);
