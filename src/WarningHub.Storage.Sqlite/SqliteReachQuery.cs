using WarningHub.Abstractions;
using WarningHub.Core.Planning;
using WarningHub.Core.Reach;

namespace WarningHub.Storage.Sqlite;

/// <summary>Reach straight from the ledger: persons per village and state.</summary>
public sealed class SqliteReachQuery(SqliteDatabase database) : IReachQuery
{
    public Task<IReadOnlyList<VillageTarget>> TargetsAsync(long warningId, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT village, persons, without_address FROM target WHERE warning = $w ORDER BY village";
        cmd.Parameters.AddWithValue("$w", warningId);
        using var r = cmd.ExecuteReader();
        var result = new List<VillageTarget>();
        while (r.Read()) result.Add(new VillageTarget(r.GetInt64(0), r.GetInt32(1), r.GetInt32(2)));
        return Task.FromResult<IReadOnlyList<VillageTarget>>(result);
    }

    public Task<IReadOnlyList<VillageChannelCounts>> VillageCountsAsync(long warningId, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT sl.village, sh.channel, sl.state, sl.parts > 0, SUM(sl.persons) FROM shard sh
            JOIN slot sl ON sl.id BETWEEN sh.first_slot AND sh.last_slot
            WHERE sh.warning = $w AND sh.round = 0
            GROUP BY sl.village, sh.channel, sl.state, sl.parts > 0
            """;
        cmd.Parameters.AddWithValue("$w", warningId);
        using var r = cmd.ExecuteReader();
        var acc = new Dictionary<(long, string), (int Sent, int Delivered, int Failed, int Pending, int Total)>();
        while (r.Read())
        {
            var key = (r.GetInt64(0), r.GetString(1));
            var state = (DeliveryStatus)r.GetInt32(2);
            var accepted = r.GetInt64(3) != 0;
            var persons = r.GetInt32(4);
            acc.TryGetValue(key, out var a);
            a.Total += persons;
            // A failure reported by receipt left our hands all the same: the gateway had accepted it.
            if (state.HasLeft() || (state == DeliveryStatus.Failed && accepted)) a.Sent += persons;
            if (state == DeliveryStatus.Delivered) a.Delivered += persons;
            else if (state is DeliveryStatus.Failed or DeliveryStatus.Expired or DeliveryStatus.Cancelled) a.Failed += persons;
            else if (!state.IsFinal()) a.Pending += persons;
            acc[key] = a;
        }
        IReadOnlyList<VillageChannelCounts> result = acc
            .Select(kv => new VillageChannelCounts(kv.Key.Item1, kv.Key.Item2, kv.Value.Sent, kv.Value.Delivered, kv.Value.Failed, kv.Value.Pending, kv.Value.Total))
            .OrderBy(v => v.VillageCode).ThenBy(v => v.Channel, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(result);
    }
}
