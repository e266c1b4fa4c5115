using Microsoft.Data.Sqlite;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;

namespace WarningHub.Storage.Sqlite;

/// <summary>The ledger on the embedded database. See <see cref="Schema"/> for the layout.</summary>
public sealed partial class SqliteLedger(SqliteDatabase database, TimeProvider time) : ILedger, ILedgerMaintenance
{
    private static long Ms(DateTimeOffset t) => SqliteTime.ToDb(t);

    private long Now => Ms(time.GetUtcNow());

    public Task<IReadOnlyList<LedgerSlot>> ClaimAsync(ShardInfo shard, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shard);
        // Urgent: a claim feeds the gateways, and a first claim is a warning's first send.
        return database.WriteAsync<IReadOnlyList<LedgerSlot>>((c, tx) => Claim(c, tx, shard, now, max), cancellationToken, urgent: true);
    }

    private static List<LedgerSlot> Claim(SqliteConnection c, SqliteTransaction tx, ShardInfo shard, DateTimeOffset now, int max)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"""
            UPDATE slot SET state = {(int)DeliveryStatus.Sending}, attempts = attempts + 1, written = 0, updated_at = $now
            WHERE id IN (SELECT id FROM slot WHERE id BETWEEN $a AND $b
                         AND state IN ({SlotStateMachine.SqlFromList(DeliveryStatus.Sending)}) AND next_at <= $now
                         ORDER BY id LIMIT $max)
            RETURNING id, address, village, persons, attempts, dup
            """;
        cmd.Parameters.AddWithValue("$now", Ms(now));
        cmd.Parameters.AddWithValue("$a", shard.FirstSlot);
        cmd.Parameters.AddWithValue("$b", shard.LastSlot);
        cmd.Parameters.AddWithValue("$max", max);
        var slots = new List<LedgerSlot>(max);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            slots.Add(new LedgerSlot(r.GetInt64(0), shard.Id, r.GetString(1), r.GetInt64(2), r.GetInt32(3),
                DeliveryStatus.Sending, r.GetInt32(4), r.GetInt64(5) != 0));
        }
        slots.Sort((x, y) => x.Id.CompareTo(y.Id));
        return slots;
    }

    public Task MarkWrittenAsync(IReadOnlyList<long> slotIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slotIds);
        if (slotIds.Count == 0) return Task.CompletedTask;
        return database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"UPDATE slot SET written = 1 WHERE id = $id AND state = {(int)DeliveryStatus.Sending}";
            var id = cmd.Parameters.Add("$id", SqliteType.Integer);
            foreach (var slotId in slotIds)
            {
                id.Value = slotId;
                cmd.ExecuteNonQuery();
            }
            return 0;
        }, cancellationToken, urgent: true); // sends wait for it, holding their gateway's window slots
    }

    // Slots in Sending are in a job's hands: the job records them (Sent if they went, Cancelled if not).
    public Task<int> EndWarningAsync(long warningId, DeliveryStatus finalState, CancellationToken cancellationToken)
    {
        if (finalState is not (DeliveryStatus.Expired or DeliveryStatus.Cancelled))
            throw new ArgumentOutOfRangeException(nameof(finalState), finalState, "A warning ends its slots as Expired or Cancelled.");
        return database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"""
                UPDATE slot SET state = $final, updated_at = $now
                WHERE id IN (SELECT sl.id FROM shard sh JOIN slot sl ON sl.id BETWEEN sh.first_slot AND sh.last_slot
                             WHERE sh.warning = $w AND sl.state IN ({(int)DeliveryStatus.Planned}, {(int)DeliveryStatus.Queued}))
                """;
            cmd.Parameters.AddWithValue("$final", (int)finalState);
            cmd.Parameters.AddWithValue("$now", Now);
            cmd.Parameters.AddWithValue("$w", warningId);
            return cmd.ExecuteNonQuery();
        }, cancellationToken);
    }

    internal static ShardInfo ReadShard(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt32(3), r.GetInt64(4), r.GetInt64(5)) { Round = r.GetInt32(6) };

    internal const string ShardColumns = "id, warning, channel, idx, first_slot, last_slot, round";
}
