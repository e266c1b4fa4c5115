using WarningHub.Abstractions;
using WarningHub.Core.Planning;

namespace WarningHub.Core.Ledger;

/// <summary>The write path of the ledger: plans in, claims out, outcomes and receipts in.</summary>
public interface ILedger
{
    /// <summary>
    /// Persists the plan shard by shard; shards that already exist (a release resumed after a crash) are skipped.
    /// <paramref name="onShardPersisted"/> runs after each shard is durable, so sending can start before planning ends.
    /// </summary>
    Task<IReadOnlyList<ShardInfo>> PersistPlanAsync(WarningPlan plan, Func<ShardInfo, ValueTask>? onShardPersisted, CancellationToken cancellationToken);

    /// <summary>Moves up to <paramref name="max"/> due slots of a shard to Sending and returns them.</summary>
    Task<IReadOnlyList<LedgerSlot>> ClaimAsync(ShardInfo shard, DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Records the outcomes of claimed slots in one transaction.</summary>
    Task RecordOutcomesAsync(IReadOnlyList<SlotOutcome> outcomes, CancellationToken cancellationToken);

    /// <summary>
    /// Records the outcomes of claimed slots in one transaction, each completed by <paramref name="atWrite"/> at the
    /// moment it is written (the receipts that overtook it are attached then, as late as possible). A store that
    /// cannot call back inside its transaction completes them all just before it.
    /// </summary>
    Task RecordOutcomesAsync(IReadOnlyList<SlotOutcome> outcomes, Func<SlotOutcome, SlotOutcome> atWrite, CancellationToken cancellationToken) =>
        RecordOutcomesAsync([.. outcomes.Select(atWrite)], cancellationToken);

    /// <summary>
    /// Applies receipts from one source. A receipt whose message id is not known yet (it overtook its send's outcome,
    /// as SMSCs do) is kept durably and applied when that outcome is recorded, until
    /// <see cref="ILedgerMaintenance.DropEarlyReceiptsAsync"/> drops it; those are returned, for the caller to log.
    /// </summary>
    Task<IReadOnlyList<Receipt>> ApplyReceiptsAsync(string source, IReadOnlyList<Receipt> receipts, CancellationToken cancellationToken);

    /// <summary>
    /// Records durably that a request for each of these claimed slots may be written now. Only such slots are marked
    /// PossiblyDuplicated if the hub stops before their outcome is recorded; the rest are queued again untouched.
    /// </summary>
    Task MarkWrittenAsync(IReadOnlyList<long> slotIds, CancellationToken cancellationToken);

    /// <summary>
    /// Gives a correction (Update) or an all-clear (Cancel) one slot per address that the earlier warnings sent to,
    /// or may have sent to, on each of <paramref name="channels"/>, after the follow-up's own slots and without
    /// repeating an address it already has; the earlier warnings' village targets come along for reach. Done once, in
    /// one transaction: a second call returns nothing.
    /// </summary>
    /// <returns>The new shards, to be queued.</returns>
    Task<IReadOnlyList<ShardInfo>> PersistFollowUpAsync(long followUpId, IReadOnlyCollection<long> earlierIds, IReadOnlyCollection<string> channels,
        int shardSize, CancellationToken cancellationToken);

    /// <summary>How many slots of these warnings are in a job's hands (Sending) now.</summary>
    Task<int> InHandsAsync(IReadOnlyCollection<long> warningIds, CancellationToken cancellationToken);

    /// <summary>Ends every slot of a warning that has not left our hands with <paramref name="finalState"/> (Expired or Cancelled).</summary>
    Task<int> EndWarningAsync(long warningId, DeliveryStatus finalState, CancellationToken cancellationToken);
}

/// <summary>What the engine needs at start-up and from its periodic sweeps.</summary>
public interface ILedgerMaintenance
{
    /// <summary>
    /// Slots left in Sending by a stop or a crash are queued again. Those marked written (a request may have left)
    /// are marked PossiblyDuplicated; the others never left, and get their claim's attempt back.
    /// </summary>
    Task<InFlightRecovery> RecoverInFlightAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A shard by id, or null.</summary>
    Task<ShardInfo?> GetShardAsync(long shardId, CancellationToken cancellationToken);

    /// <summary>
    /// Per channel, the distinct addresses that these warnings' messages reached or may have reached: the people a
    /// correction or an all-clear referring to them goes to (<see cref="ILedger.PersistFollowUpAsync"/> copies the same
    /// set). Read only: a preview counts them before anything is stored.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> MayHaveReachedAsync(IReadOnlyCollection<long> warningIds, IReadOnlyCollection<string> channels,
        CancellationToken cancellationToken);

    /// <summary>Shards that still hold slots in Planned, Queued or Sending.</summary>
    Task<IReadOnlyList<ShardInfo>> UnfinishedShardsAsync(CancellationToken cancellationToken);

    /// <summary>When the earliest queued slot of a shard is due, or null if none is queued.</summary>
    Task<DateTimeOffset?> NextDueAsync(ShardInfo shard, CancellationToken cancellationToken);

    /// <summary>Sent slots older than <paramref name="sentBefore"/> without a receipt become Unconfirmed.</summary>
    Task<int> CloseReceiptWaitsAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken) =>
        CloseReceiptWaitsAsync(sentBefore, new Dictionary<string, DateTimeOffset>(), cancellationToken);

    /// <summary>
    /// Sent slots without a receipt become Unconfirmed when they were sent before their channel's entry in
    /// <paramref name="sentBeforeByChannel"/>, or, for a channel without one, before <paramref name="sentBefore"/>.
    /// </summary>
    Task<int> CloseReceiptWaitsAsync(DateTimeOffset sentBefore, IReadOnlyDictionary<string, DateTimeOffset> sentBeforeByChannel,
        CancellationToken cancellationToken);

    /// <summary>
    /// Message parts from <paramref name="source"/> still waiting for their receipt, of slots sent between
    /// <paramref name="sentAfter"/> and <paramref name="sentBefore"/>: candidates to ask the gateway about.
    /// </summary>
    Task<IReadOnlyList<AwaitedReceipt>> AwaitedReceiptsAsync(string source, DateTimeOffset sentAfter, DateTimeOffset sentBefore, int max,
        CancellationToken cancellationToken);

    /// <summary>Kept receipts that no send claimed and that arrived before <paramref name="receivedBefore"/> are dropped.</summary>
    Task<int> DropEarlyReceiptsAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken);

    /// <summary>The channels a warning has slots on, in name order.</summary>
    Task<IReadOnlyList<string>> ChannelsOfAsync(long warningId, CancellationToken cancellationToken);

    /// <summary>Counts of slots per state of a warning's first send (all channels when <paramref name="channel"/> is null).</summary>
    Task<SlotCounts> CountAsync(long warningId, string? channel, CancellationToken cancellationToken);

    /// <summary>Counts of one round: 0 is the first send, 1, 2, ... the repeats of a broadcast.</summary>
    Task<SlotCounts> CountAsync(long warningId, string? channel, int round, CancellationToken cancellationToken);

    /// <summary>The highest round planned for a warning (0 when it was never repeated).</summary>
    Task<int> LastRoundAsync(long warningId, CancellationToken cancellationToken);

    /// <summary>
    /// Counts of slots per state of one channel of a warning, per gateway (adapter name) that last took each slot, every
    /// round together; slots no gateway has taken yet are not counted.
    /// </summary>
    Task<IReadOnlyDictionary<string, SlotCounts>> CountByGatewayAsync(long warningId, string channel, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the statements of a release and a send (persisting a plan, claiming, recording outcomes) once on
    /// throwaway rows and undoes them: nothing is kept. Start-up calls it so the first warning does not pay for
    /// preparing them.
    /// </summary>
    Task RehearseAsync(CancellationToken cancellationToken);
}

/// <summary>What start-up found in Sending.</summary>
/// <param name="Requeued">Slots queued again.</param>
/// <param name="PossiblyDuplicated">Of those, the slots whose request may have left: flagged.</param>
public readonly record struct InFlightRecovery(int Requeued, int PossiblyDuplicated);

/// <summary>A message part whose receipt has not come.</summary>
/// <param name="MessageId">The gateway's id of the part.</param>
/// <param name="Address">Where it was sent.</param>
public sealed record AwaitedReceipt(string MessageId, string Address);
