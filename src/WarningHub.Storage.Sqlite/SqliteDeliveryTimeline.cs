using WarningHub.Abstractions;
using WarningHub.Core.Ledger;

namespace WarningHub.Storage.Sqlite;

/// <summary>Send and delivery times of a warning's first round, per channel, from the slots' <c>sent_at</c> and <c>updated_at</c>.</summary>
public sealed class SqliteDeliveryTimeline(SqliteDatabase database) : IDeliveryTimeline
{
    public Task<IReadOnlyList<ChannelTimeline>> OfWarningAsync(long warningId, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        var planned = new SortedDictionary<string, (int Planned, long? FirstSent)>(StringComparer.Ordinal);
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = """
                SELECT sh.channel, COUNT(*), MIN(sl.sent_at) FROM shard sh JOIN slot sl ON sl.id BETWEEN sh.first_slot AND sh.last_slot
                WHERE sh.warning = $w AND sh.round = 0 GROUP BY sh.channel
                """;
            cmd.Parameters.AddWithValue("$w", warningId);
            using var r = cmd.ExecuteReader();
            while (r.Read()) planned[r.GetString(0)] = (r.GetInt32(1), r.IsDBNull(2) ? null : r.GetInt64(2));
        }
        var delivered = planned.Keys.ToDictionary(k => k, _ => new List<DateTimeOffset>(), StringComparer.Ordinal);
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = $"""
                SELECT sh.channel, sl.updated_at FROM shard sh JOIN slot sl ON sl.id BETWEEN sh.first_slot AND sh.last_slot
                WHERE sh.warning = $w AND sh.round = 0 AND sl.state = {(int)DeliveryStatus.Delivered} ORDER BY sl.updated_at
                """;
            cmd.Parameters.AddWithValue("$w", warningId);
            using var r = cmd.ExecuteReader();
            while (r.Read()) delivered[r.GetString(0)].Add(SqliteTime.FromDb(r.GetInt64(1)));
        }
        IReadOnlyList<ChannelTimeline> timelines = [.. planned.Select(p => new ChannelTimeline(p.Key, p.Value.Planned,
            p.Value.FirstSent is { } first ? SqliteTime.FromDb(first) : null, delivered[p.Key]))];
        return Task.FromResult(timelines);
    }
}
