using WarningHub.Abstractions;
using WarningHub.Core.Ledger;

namespace WarningHub.Storage.Sqlite;

public sealed partial class SqliteLedger
{
    public Task<InFlightRecovery> RecoverInFlightAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((c, tx) =>
        {
            using var count = c.CreateCommand();
            count.Transaction = tx;
            count.CommandText = $"SELECT COUNT(*), COALESCE(SUM(written), 0) FROM slot WHERE state = {(int)DeliveryStatus.Sending}";
            int requeued, flagged;
            using (var r = count.ExecuteReader())
            {
                r.Read();
                (requeued, flagged) = (r.GetInt32(0), r.GetInt32(1));
            }
            if (requeued == 0) return new InFlightRecovery(0, 0);
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            // Only a slot marked written may have reached the gateway; the rest never left and keep their attempt.
            cmd.CommandText = $"""
                UPDATE slot SET state = {(int)DeliveryStatus.Queued}, dup = dup | written,
                  attempts = CASE WHEN written = 0 AND attempts > 0 THEN attempts - 1 ELSE attempts END,
                  written = 0, next_at = $now, updated_at = $now
                WHERE state = {(int)DeliveryStatus.Sending}
                """;
            cmd.Parameters.AddWithValue("$now", Ms(now));
            cmd.ExecuteNonQuery();
            return new InFlightRecovery(requeued, flagged);
        }, cancellationToken);

    public Task<ShardInfo?> GetShardAsync(long shardId, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {ShardColumns} FROM shard WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", shardId);
        using var r = cmd.ExecuteReader();
        return Task.FromResult(r.Read() ? ReadShard(r) : null);
    }

    public Task<IReadOnlyList<ShardInfo>> UnfinishedShardsAsync(CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            SELECT {ShardColumns} FROM shard sh
            WHERE EXISTS (SELECT 1 FROM slot sl WHERE sl.id BETWEEN sh.first_slot AND sh.last_slot
                          AND sl.state IN ({(int)DeliveryStatus.Planned}, {(int)DeliveryStatus.Queued}, {(int)DeliveryStatus.Sending}))
            ORDER BY sh.id
            """;
        using var r = cmd.ExecuteReader();
        var result = new List<ShardInfo>();
        while (r.Read()) result.Add(ReadShard(r));
        return Task.FromResult<IReadOnlyList<ShardInfo>>(result);
    }

    public Task<DateTimeOffset?> NextDueAsync(ShardInfo shard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shard);
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT MIN(next_at) FROM slot WHERE id BETWEEN $a AND $b AND state IN ({(int)DeliveryStatus.Planned}, {(int)DeliveryStatus.Queued})";
        cmd.Parameters.AddWithValue("$a", shard.FirstSlot);
        cmd.Parameters.AddWithValue("$b", shard.LastSlot);
        return Task.FromResult(SqliteTime.FromDbNullable(cmd.ExecuteScalar()!));
    }

    public Task<int> CloseReceiptWaitsAsync(DateTimeOffset sentBefore, IReadOnlyDictionary<string, DateTimeOffset> sentBeforeByChannel,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sentBeforeByChannel);
        return database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            // Slots carry no channel; their shard does. Shards are few and address their slots by rowid range, so
            // the join walks the shards and reads each one's range.
            var windows = new System.Text.StringBuilder();
            var i = 0;
            foreach (var (channel, before) in sentBeforeByChannel)
            {
                windows.Append(System.Globalization.CultureInfo.InvariantCulture, $" WHEN $c{i} THEN $b{i}");
                cmd.Parameters.AddWithValue($"$c{i}", channel);
                cmd.Parameters.AddWithValue($"$b{i}", Ms(before));
                i++;
            }
            var limit = i == 0 ? "$before" : $"CASE sh.channel{windows} ELSE $before END";
            cmd.CommandText = $"""
                UPDATE slot SET state = {(int)DeliveryStatus.Unconfirmed}, error = 'no receipt in time', updated_at = $now
                FROM shard sh
                WHERE slot.id BETWEEN sh.first_slot AND sh.last_slot AND slot.state = {(int)DeliveryStatus.Sent} AND slot.updated_at < {limit}
                """;
            cmd.Parameters.AddWithValue("$before", Ms(sentBefore));
            cmd.Parameters.AddWithValue("$now", Now);
            return cmd.ExecuteNonQuery();
        }, cancellationToken);
    }

    public Task<IReadOnlyList<AwaitedReceipt>> AwaitedReceiptsAsync(string source, DateTimeOffset sentAfter, DateTimeOffset sentBefore, int max,
        CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            SELECT m.id, sl.address FROM message m JOIN slot sl ON sl.id = m.slot
            WHERE m.source = $s AND m.state = 0 AND sl.state = {(int)DeliveryStatus.Sent} AND sl.updated_at >= $after AND sl.updated_at < $before
            LIMIT $max
            """;
        cmd.Parameters.AddWithValue("$s", source);
        cmd.Parameters.AddWithValue("$after", Ms(sentAfter));
        cmd.Parameters.AddWithValue("$before", Ms(sentBefore));
        cmd.Parameters.AddWithValue("$max", max);
        using var r = cmd.ExecuteReader();
        var result = new List<AwaitedReceipt>();
        while (r.Read()) result.Add(new AwaitedReceipt(r.GetString(0), r.GetString(1)));
        return Task.FromResult<IReadOnlyList<AwaitedReceipt>>(result);
    }

    public Task<IReadOnlyList<string>> ChannelsOfAsync(long warningId, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT DISTINCT channel FROM shard WHERE warning = $w ORDER BY channel";
        cmd.Parameters.AddWithValue("$w", warningId);
        using var r = cmd.ExecuteReader();
        var result = new List<string>();
        while (r.Read()) result.Add(r.GetString(0));
        return Task.FromResult<IReadOnlyList<string>>(result);
    }

    public Task<SlotCounts> CountAsync(long warningId, string? channel, CancellationToken cancellationToken) =>
        CountAsync(warningId, channel, 0, cancellationToken);

    public Task<int> LastRoundAsync(long warningId, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(MAX(round), 0) FROM shard WHERE warning = $w";
        cmd.Parameters.AddWithValue("$w", warningId);
        return Task.FromResult(Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    public Task<SlotCounts> CountAsync(long warningId, string? channel, int round, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT sl.state, COUNT(*), SUM(sl.dup), SUM(sl.parts > 0) FROM shard sh
            JOIN slot sl ON sl.id BETWEEN sh.first_slot AND sh.last_slot
            WHERE sh.warning = $w AND ($c IS NULL OR sh.channel = $c) AND sh.round = $round
            GROUP BY sl.state
            """;
        cmd.Parameters.AddWithValue("$w", warningId);
        cmd.Parameters.AddWithValue("$c", (object?)channel ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$round", round);
        using var r = cmd.ExecuteReader();
        var byState = new Dictionary<DeliveryStatus, int>();
        var dup = 0;
        var failedAfterAcceptance = 0;
        while (r.Read())
        {
            var state = (DeliveryStatus)r.GetInt32(0);
            byState[state] = r.GetInt32(1);
            dup += r.GetInt32(2);
            if (state == DeliveryStatus.Failed) failedAfterAcceptance = r.GetInt32(3);
        }
        return Task.FromResult(new SlotCounts(byState, dup, failedAfterAcceptance));
    }

    public Task<IReadOnlyDictionary<string, SlotCounts>> CountByGatewayAsync(long warningId, string channel, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT sl.gateway, sl.state, COUNT(*), SUM(sl.dup), SUM(sl.parts > 0) FROM shard sh
            JOIN slot sl ON sl.id BETWEEN sh.first_slot AND sh.last_slot
            WHERE sh.warning = $w AND sh.channel = $c AND sl.gateway IS NOT NULL
            GROUP BY sl.gateway, sl.state
            """;
        cmd.Parameters.AddWithValue("$w", warningId);
        cmd.Parameters.AddWithValue("$c", channel);
        using var r = cmd.ExecuteReader();
        var states = new Dictionary<string, (Dictionary<DeliveryStatus, int> ByState, int Dup, int FailedAfterAcceptance)>(StringComparer.Ordinal);
        while (r.Read())
        {
            var gateway = r.GetString(0);
            if (!states.TryGetValue(gateway, out var counts)) counts = ([], 0, 0);
            var state = (DeliveryStatus)r.GetInt32(1);
            counts.ByState[state] = r.GetInt32(2);
            counts.Dup += r.GetInt32(3);
            if (state == DeliveryStatus.Failed) counts.FailedAfterAcceptance = r.GetInt32(4);
            states[gateway] = counts;
        }
        return Task.FromResult<IReadOnlyDictionary<string, SlotCounts>>(
            states.ToDictionary(s => s.Key, s => new SlotCounts(s.Value.ByState, s.Value.Dup, s.Value.FailedAfterAcceptance), StringComparer.Ordinal));
    }
}
