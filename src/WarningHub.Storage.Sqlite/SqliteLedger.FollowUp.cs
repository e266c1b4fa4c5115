using Microsoft.Data.Sqlite;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;

namespace WarningHub.Storage.Sqlite;

public sealed partial class SqliteLedger
{
    /// <summary>
    /// Slots of a message that has left or may have: the people a correction or an all-clear must reach. Sent,
    /// delivered or unconfirmed; flagged possibly duplicated; or still in a job's hands (the caller lets those settle
    /// first). A slot marked written that then ended failed or cancelled was refused or never reached the wire.
    /// </summary>
    private static readonly string MayHaveLeft =
        $"sl.state IN ({(int)DeliveryStatus.Sending}, {(int)DeliveryStatus.Sent}, {(int)DeliveryStatus.Delivered}, {(int)DeliveryStatus.Unconfirmed}) OR sl.dup = 1";

    public Task<int> InHandsAsync(IReadOnlyCollection<long> warningIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warningIds);
        if (warningIds.Count == 0) return Task.FromResult(0);
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            SELECT COUNT(*) FROM shard sh JOIN slot sl ON sl.id BETWEEN sh.first_slot AND sh.last_slot
            WHERE sh.warning IN ({string.Join(',', warningIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)))})
              AND sl.state = {(int)DeliveryStatus.Sending}
            """;
        return Task.FromResult(checked((int)(long)cmd.ExecuteScalar()!));
    }

    public Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> MayHaveReachedAsync(IReadOnlyCollection<long> warningIds,
        IReadOnlyCollection<string> channels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warningIds);
        ArgumentNullException.ThrowIfNull(channels);
        var reached = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (warningIds.Count == 0 || channels.Count == 0) return Task.FromResult<IReadOnlyDictionary<string, IReadOnlySet<string>>>(reached);
        var wanted = channels.ToHashSet(StringComparer.Ordinal);
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            SELECT DISTINCT sh.channel, sl.address FROM shard sh JOIN slot sl ON sl.id BETWEEN sh.first_slot AND sh.last_slot
            WHERE sh.warning IN ({string.Join(',', warningIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)))})
              AND ({MayHaveLeft})
            """;
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var channel = r.GetString(0);
            if (!wanted.Contains(channel)) continue;
            if (!reached.TryGetValue(channel, out var set)) reached[channel] = set = new HashSet<string>(StringComparer.Ordinal);
            ((HashSet<string>)set).Add(r.GetString(1));
        }
        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlySet<string>>>(reached);
    }

    public Task<IReadOnlyList<ShardInfo>> PersistFollowUpAsync(long followUpId, IReadOnlyCollection<long> earlierIds, IReadOnlyCollection<string> channels,
        int shardSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(earlierIds);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardSize, 1);
        // One transaction: the set is a snapshot, so a release resumed after a crash finds it whole or not at all.
        return database.WriteAsync<IReadOnlyList<ShardInfo>>((c, tx) =>
        {
            using (var done = c.CreateCommand())
            {
                done.Transaction = tx;
                done.CommandText = "SELECT COUNT(*) FROM follow_up WHERE warning = $f";
                done.Parameters.AddWithValue("$f", followUpId);
                if ((long)done.ExecuteScalar()! > 0) return [];
            }
            var earlier = string.Join(',', earlierIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var shards = new List<ShardInfo>();
            if (earlier.Length > 0)
            {
                foreach (var channel in channels)
                {
                    shards.AddRange(CopyChannel(c, tx, followUpId, earlier, channel, shardSize));
                }
                using var targets = c.CreateCommand();
                targets.Transaction = tx;
                // Reach of the follow-up counts the persons the earlier warnings targeted in the villages it goes to.
                targets.CommandText = $"""
                    INSERT OR IGNORE INTO target(warning, village, persons, without_address)
                    SELECT $f, t.village, MAX(t.persons), MAX(t.without_address) FROM target t
                    WHERE t.warning IN ({earlier}) AND t.village IN (
                      SELECT DISTINCT sl.village FROM shard sh JOIN slot sl ON sl.id BETWEEN sh.first_slot AND sh.last_slot WHERE sh.warning = $f)
                    GROUP BY t.village
                    """;
                targets.Parameters.AddWithValue("$f", followUpId);
                targets.ExecuteNonQuery();
            }
            using var mark = c.CreateCommand();
            mark.Transaction = tx;
            mark.CommandText = "INSERT INTO follow_up(warning, at) VALUES ($f, $now)";
            mark.Parameters.AddWithValue("$f", followUpId);
            mark.Parameters.AddWithValue("$now", Now);
            mark.ExecuteNonQuery();
            return shards;
        }, cancellationToken);
    }

    /// <summary>
    /// One slot per address the earlier warnings sent to on this channel and the follow-up does not already have,
    /// appended after the follow-up's own shards (an Update has a plan of its own; a Cancel has none).
    /// </summary>
    private static List<ShardInfo> CopyChannel(SqliteConnection c, SqliteTransaction tx, long followUpId, string earlier, string channel, int shardSize)
    {
        long next;
        int firstIndex;
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT COALESCE(MAX(id), 0) + 1 FROM slot";
            next = (long)cmd.ExecuteScalar()!;
            cmd.CommandText = "SELECT COALESCE(MAX(idx), -1) + 1 FROM shard WHERE warning = $f AND channel = $c AND round = 0";
            cmd.Parameters.AddWithValue("$f", followUpId);
            cmd.Parameters.AddWithValue("$c", channel);
            firstIndex = checked((int)(long)cmd.ExecuteScalar()!);
        }
        int copied;
        using (var copy = c.CreateCommand())
        {
            copy.Transaction = tx;
            copy.CommandText = $"""
                INSERT INTO slot(id, address, village, persons)
                SELECT $next + ROW_NUMBER() OVER (ORDER BY MIN(sl.village), sl.address) - 1, sl.address, MIN(sl.village), MAX(sl.persons)
                FROM shard sh JOIN slot sl ON sl.id BETWEEN sh.first_slot AND sh.last_slot
                WHERE sh.warning IN ({earlier}) AND sh.channel = $c AND ({MayHaveLeft})
                  AND sl.address NOT IN (SELECT s2.address FROM shard h2 JOIN slot s2 ON s2.id BETWEEN h2.first_slot AND h2.last_slot
                                         WHERE h2.warning = $f AND h2.channel = $c)
                GROUP BY sl.address
                """;
            copy.Parameters.AddWithValue("$next", next);
            copy.Parameters.AddWithValue("$c", channel);
            copy.Parameters.AddWithValue("$f", followUpId);
            copied = copy.ExecuteNonQuery();
        }
        var shards = new List<ShardInfo>();
        if (copied == 0) return shards;
        using var insert = c.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO shard(warning, channel, idx, first_slot, last_slot, round) VALUES ($w, $c, $i, $a, $b, 0) RETURNING id";
        var w = insert.Parameters.AddWithValue("$w", followUpId);
        var ch = insert.Parameters.AddWithValue("$c", channel);
        var idx = insert.Parameters.Add("$i", SqliteType.Integer);
        var a = insert.Parameters.Add("$a", SqliteType.Integer);
        var b = insert.Parameters.Add("$b", SqliteType.Integer);
        // Cut like a plan's shards: a short last shard joins the one before.
        var count = Math.Max(1, copied / shardSize);
        for (var i = 0; i < count; i++)
        {
            var first = next + (long)i * shardSize;
            var last = i == count - 1 ? next + copied - 1 : first + shardSize - 1;
            idx.Value = firstIndex + i;
            a.Value = first;
            b.Value = last;
            var id = (long)insert.ExecuteScalar()!;
            shards.Add(new ShardInfo(id, followUpId, channel, firstIndex + i, first, last));
        }
        return shards;
    }
}
