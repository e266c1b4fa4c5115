using WarningHub.Abstractions;
using WarningHub.Core.Ledger;

namespace WarningHub.Storage.Sqlite;

/// <summary>Receipt delays (slot.updated_at − slot.sent_at of delivered slots) of recent released warnings.</summary>
public sealed class SqliteReceiptDelays(SqliteDatabase database) : IReceiptDelays
{
    /// <summary>At most this many slots are read, newest warnings first: a bound on one preview's work.</summary>
    private const int MaxSamples = 200_000;

    public Task<ReceiptDelayHistory?> RecentAsync(string channel, int warnings, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            SELECT sh.warning, sl.updated_at - sl.sent_at FROM shard sh
            JOIN slot sl ON sl.id BETWEEN sh.first_slot AND sh.last_slot
            WHERE sh.warning IN (SELECT id FROM warning WHERE released_at IS NOT NULL ORDER BY id DESC LIMIT $n)
              AND sh.channel = $c AND sl.state = {(int)DeliveryStatus.Delivered} AND sl.sent_at IS NOT NULL
            ORDER BY sh.warning DESC LIMIT {MaxSamples}
            """;
        cmd.Parameters.AddWithValue("$n", warnings);
        cmd.Parameters.AddWithValue("$c", channel);
        var delays = new List<long>();
        var seen = new HashSet<long>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                seen.Add(r.GetInt64(0));
                delays.Add(Math.Max(0, r.GetInt64(1)));
            }
        }
        if (delays.Count == 0) return Task.FromResult<ReceiptDelayHistory?>(null);
        delays.Sort();
        return Task.FromResult<ReceiptDelayHistory?>(new ReceiptDelayHistory(seen.Count, delays.Count, At(delays, 0.5), At(delays, 0.95)));
    }

    /// <summary>The nearest-rank percentile of sorted milliseconds.</summary>
    private static TimeSpan At(List<long> sorted, double q) =>
        TimeSpan.FromMilliseconds(sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)]);
}
