using Microsoft.Data.Sqlite;
using WarningHub.Core.Ledger;
using WarningHub.Core.Planning;

namespace WarningHub.Storage.Sqlite;

public sealed partial class SqliteLedger
{
    /// <summary>
    /// Rows per multi-row INSERT: fewer statements, same transaction. Kept small on purpose: Microsoft.Data.Sqlite
    /// binds every parameter by name on every execution and SQLite finds a name by a linear search, so the cost per
    /// row grows with the statement's width (200 rows, 800 parameters: half of a million-slot persist was spent in
    /// strncmp). Ten rows divide the default shard of 1,000 evenly.
    /// </summary>
    private const int RowsPerInsert = 10;

    public async Task<IReadOnlyList<ShardInfo>> PersistPlanAsync(WarningPlan plan, Func<ShardInfo, ValueTask>? onShardPersisted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        // The village targets (for reach) go in the first shard's transaction: one commit fewer before the first send.
        var targetsWritten = false;

        var shards = new List<ShardInfo>();
        foreach (var channel in plan.Channels)
        {
            var existing = ExistingShards(plan.WarningId, channel.Channel, channel.Round);
            // Persist shards in batches: the first commit is small so sending can start at once.
            var pending = channel.Shards().Where(s => !existing.ContainsKey(s.Index)).ToList();
            shards.AddRange(existing.Values);
            var batch = 1;
            for (var i = 0; i < pending.Count;)
            {
                var take = pending.Skip(i).Take(batch).ToList();
                var withTargets = !targetsWritten;
                var persisted = await database.WriteAsync((c, tx) =>
                {
                    if (withTargets) PersistTargets(c, tx, plan);
                    return InsertShards(c, tx, plan.WarningId, channel, take);
                }, cancellationToken);
                targetsWritten = true;
                shards.AddRange(persisted);
                if (onShardPersisted is not null)
                {
                    foreach (var s in persisted) await onShardPersisted(s);
                }
                i += take.Count;
                batch = Math.Min(batch * 4, 64);
            }
        }
        if (!targetsWritten) await database.WriteAsync((c, tx) => PersistTargets(c, tx, plan), cancellationToken);
        shards.Sort((a, b) => a.Id.CompareTo(b.Id));
        return shards;
    }

    private static int PersistTargets(SqliteConnection c, SqliteTransaction tx, WarningPlan plan)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT OR REPLACE INTO target(warning, village, persons, without_address) VALUES ($w, $v, $p, $n)";
        var w = cmd.Parameters.Add("$w", SqliteType.Integer);
        var v = cmd.Parameters.Add("$v", SqliteType.Integer);
        var p = cmd.Parameters.Add("$p", SqliteType.Integer);
        var n = cmd.Parameters.Add("$n", SqliteType.Integer);
        w.Value = plan.WarningId;
        foreach (var t in plan.Targets)
        {
            v.Value = t.VillageCode;
            p.Value = t.Persons;
            n.Value = t.PersonsWithoutAddress;
            cmd.ExecuteNonQuery();
        }
        return 0;
    }

    private Dictionary<int, ShardInfo> ExistingShards(long warningId, string channel, int round)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {ShardColumns} FROM shard WHERE warning = $w AND channel = $c AND round = $r";
        cmd.Parameters.AddWithValue("$r", round);
        cmd.Parameters.AddWithValue("$w", warningId);
        cmd.Parameters.AddWithValue("$c", channel);
        using var r = cmd.ExecuteReader();
        var result = new Dictionary<int, ShardInfo>();
        while (r.Read())
        {
            var s = ReadShard(r);
            result[s.Index] = s;
        }
        return result;
    }

    private static List<ShardInfo> InsertShards(SqliteConnection c, SqliteTransaction tx, long warningId, ChannelPlan channel, List<(int Index, int Start, int Count)> shards)
    {
        long next;
        using (var max = c.CreateCommand())
        {
            max.Transaction = tx;
            max.CommandText = "SELECT COALESCE(MAX(id), 0) + 1 FROM slot";
            next = (long)max.ExecuteScalar()!;
        }
        using var insertShard = c.CreateCommand();
        insertShard.Transaction = tx;
        insertShard.CommandText = "INSERT INTO shard(warning, channel, idx, first_slot, last_slot, round) VALUES ($w, $c, $i, $a, $b, $r) RETURNING id";
        using var bulk = SlotInsert(c, tx, RowsPerInsert);
        using var single = SlotInsert(c, tx, 1);
        var result = new List<ShardInfo>(shards.Count);
        foreach (var (index, start, count) in shards)
        {
            var first = next;
            var k = 0;
            for (; k + RowsPerInsert <= count; k += RowsPerInsert)
            {
                Bind(bulk, channel.Slots, start + k, RowsPerInsert, next);
                bulk.ExecuteNonQuery();
                next += RowsPerInsert;
            }
            for (; k < count; k++)
            {
                Bind(single, channel.Slots, start + k, 1, next);
                single.ExecuteNonQuery();
                next++;
            }
            insertShard.Parameters.Clear();
            insertShard.Parameters.AddWithValue("$w", warningId);
            insertShard.Parameters.AddWithValue("$c", channel.Channel);
            insertShard.Parameters.AddWithValue("$i", index);
            insertShard.Parameters.AddWithValue("$a", first);
            insertShard.Parameters.AddWithValue("$b", next - 1);
            insertShard.Parameters.AddWithValue("$r", channel.Round);
            var id = (long)insertShard.ExecuteScalar()!;
            result.Add(new ShardInfo(id, warningId, channel.Channel, index, first, next - 1) { Round = channel.Round });
        }
        return result;
    }

    private static SqliteCommand SlotInsert(SqliteConnection c, SqliteTransaction tx, int rows)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        var values = string.Join(',', Enumerable.Range(0, rows).Select(i => $"($i{i},$a{i},$v{i},$p{i})"));
        cmd.CommandText = "INSERT INTO slot(id, address, village, persons) VALUES " + values;
        for (var i = 0; i < rows; i++)
        {
            cmd.Parameters.Add($"$i{i}", SqliteType.Integer);
            cmd.Parameters.Add($"$a{i}", SqliteType.Text);
            cmd.Parameters.Add($"$v{i}", SqliteType.Integer);
            cmd.Parameters.Add($"$p{i}", SqliteType.Integer);
        }
        cmd.Prepare();
        return cmd;
    }

    private static void Bind(SqliteCommand cmd, IReadOnlyList<PlannedSlot> slots, int from, int rows, long firstId)
    {
        var ps = cmd.Parameters;
        for (var i = 0; i < rows; i++)
        {
            var s = slots[from + i];
            ps[i * 4].Value = firstId + i;
            ps[i * 4 + 1].Value = s.Address;
            ps[i * 4 + 2].Value = s.VillageCode;
            ps[i * 4 + 3].Value = s.Persons;
        }
    }
}
