using WarningHub.Abstractions;
using WarningHub.Core.Ledger;
using WarningHub.Core.Planning;

namespace WarningHub.Storage.Sqlite;

public sealed partial class SqliteLedger
{
    /// <summary>
    /// A plan of one shard for a warning id no warning has (0), persisted, claimed and given outcomes with the same
    /// code as a real release and send, all in one transaction that is rolled back. Measured on a cold hub: the first
    /// persist of a shard took 20–50 ms and the rehearsed one 5–10 ms.
    /// </summary>
    public Task RehearseAsync(CancellationToken cancellationToken) => database.RehearseAsync((c, tx) =>
    {
        var slots = Enumerable.Range(0, RowsPerInsert + 1).Select(i => new PlannedSlot($"8613800{i:D6}", 0, 1)).ToList();
        var plan = new WarningPlan(0, [new VillageTarget(0, slots.Count, 0)], [new ChannelPlan(Channels.Sms, slots, slots.Count)]);
        PersistTargets(c, tx, plan);
        var shards = InsertShards(c, tx, plan.WarningId, plan.Channels[0], [(0, 0, slots.Count)]);
        var claimed = Claim(c, tx, shards[0], time.GetUtcNow(), slots.Count);
        // Half of them as if their receipt had come first, so both ways an outcome is written are rehearsed.
        var at = time.GetUtcNow();
        var outcomes = claimed.Select((s, i) => new SlotOutcome(s.Id, DeliveryStatus.Sent, "rehearsal", [$"r{s.Id}"],
            Receipts: i % 2 == 0 ? [new Receipt($"r{s.Id}", DeliveryStatus.Delivered, "DELIVRD", at)] : null)).ToList();
        RecordOutcomes(c, tx, outcomes, null, Now);
    }, cancellationToken);
}
