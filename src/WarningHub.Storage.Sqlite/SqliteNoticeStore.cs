using Microsoft.Data.Sqlite;
using WarningHub.Abstractions;
using WarningHub.Core.Notices;

namespace WarningHub.Storage.Sqlite;

/// <summary>Officer notices in the <c>notice</c> table: a small outbox beside the ledger's slots.</summary>
public sealed class SqliteNoticeStore(SqliteDatabase database) : INoticeStore
{
    private const string Columns = "id, key, warning, officer, channel, address, mention, text, state, attempts, dup, created_at, sent_at, error, not_before";

    public Task<int> EnqueueAsync(IReadOnlyList<OfficerNotice> notices, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        if (notices.Count == 0) return Task.FromResult(0);
        return database.WriteAsync((c, tx) => Insert(c, tx, notices, at), cancellationToken, flushToDisk: true);
    }

    public Task<IReadOnlyList<StoredNotice>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<StoredNotice>>((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"""
                UPDATE notice SET state = $sending, attempts = attempts + 1
                WHERE id IN (SELECT id FROM notice WHERE state = $queued AND next_at <= $now AND (not_before IS NULL OR not_before <= $now)
                  ORDER BY next_at, id LIMIT $max)
                RETURNING {Columns}
                """;
            cmd.Parameters.AddWithValue("$sending", (int)DeliveryStatus.Sending);
            cmd.Parameters.AddWithValue("$queued", (int)DeliveryStatus.Queued);
            cmd.Parameters.AddWithValue("$now", SqliteTime.ToDb(now));
            cmd.Parameters.AddWithValue("$max", max);
            return Read(cmd).OrderBy(n => n.Id).ToList();
        }, cancellationToken, flushToDisk: true);

    public Task RecordAsync(IReadOnlyList<NoticeOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0) return Task.CompletedTask;
        return database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                UPDATE notice SET state = $state, next_at = COALESCE($next, next_at), error = $error,
                  sent_at = CASE WHEN $state = $sent THEN $at ELSE sent_at END,
                  attempts = attempts - $refund, dup = MAX(dup, $dup)
                WHERE id = $id AND state = $sending
                """;
            var id = cmd.Parameters.Add("$id", SqliteType.Integer);
            var state = cmd.Parameters.Add("$state", SqliteType.Integer);
            var next = cmd.Parameters.Add("$next", SqliteType.Integer);
            var error = cmd.Parameters.Add("$error", SqliteType.Text);
            var at = cmd.Parameters.Add("$at", SqliteType.Integer);
            var refund = cmd.Parameters.Add("$refund", SqliteType.Integer);
            var dup = cmd.Parameters.Add("$dup", SqliteType.Integer);
            cmd.Parameters.AddWithValue("$sent", (int)DeliveryStatus.Sent);
            cmd.Parameters.AddWithValue("$sending", (int)DeliveryStatus.Sending);
            foreach (var o in outcomes)
            {
                (id.Value, state.Value, next.Value, error.Value, at.Value, refund.Value, dup.Value) =
                    (o.Id, (int)o.State, SqliteTime.ToDb(o.NextAt), (object?)o.Error ?? DBNull.Value, SqliteTime.ToDb(o.At), o.RefundAttempt ? 1 : 0, o.PossiblyDuplicated ? 1 : 0);
                cmd.ExecuteNonQuery();
            }

            return 0;
        }, cancellationToken, flushToDisk: true);
    }

    public Task<int> RecoverAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "UPDATE notice SET state = $queued, next_at = $now, dup = 1 WHERE state = $sending";
            cmd.Parameters.AddWithValue("$queued", (int)DeliveryStatus.Queued);
            cmd.Parameters.AddWithValue("$sending", (int)DeliveryStatus.Sending);
            cmd.Parameters.AddWithValue("$now", SqliteTime.ToDb(now));
            return cmd.ExecuteNonQuery();
        }, cancellationToken, flushToDisk: true);

    public Task<IReadOnlyList<StoredNotice>> OfWarningAsync(long warningId, string? keyPrefix, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM notice WHERE warning = $w AND ($prefix IS NULL OR substr(key, 1, length($prefix)) = $prefix) ORDER BY id";
        cmd.Parameters.AddWithValue("$w", warningId);
        cmd.Parameters.AddWithValue("$prefix", (object?)keyPrefix ?? DBNull.Value);
        return Task.FromResult<IReadOnlyList<StoredNotice>>(Read(cmd));
    }


    /// <summary>
    /// Queues notices inside a caller's transaction (a 叫应 call and its message commit together). A notice with a
    /// <see cref="OfficerNotice.NotBefore"/> later than <paramref name="at"/> is first due then.
    /// </summary>
    internal static int Insert(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<OfficerNotice> notices, DateTimeOffset at)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT OR IGNORE INTO notice(key, warning, officer, channel, address, mention, text, state, attempts, dup, next_at, created_at, not_before)
            VALUES ($key, $warning, $officer, $channel, $address, $mention, $text, $state, 0, 0, MAX($at, COALESCE($notBefore, $at)), $at, $notBefore)
            """;
        var key = cmd.Parameters.Add("$key", SqliteType.Text);
        var warning = cmd.Parameters.Add("$warning", SqliteType.Integer);
        var officer = cmd.Parameters.Add("$officer", SqliteType.Integer);
        var channel = cmd.Parameters.Add("$channel", SqliteType.Text);
        var address = cmd.Parameters.Add("$address", SqliteType.Text);
        var mention = cmd.Parameters.Add("$mention", SqliteType.Text);
        var text = cmd.Parameters.Add("$text", SqliteType.Text);
        var notBefore = cmd.Parameters.Add("$notBefore", SqliteType.Integer);
        cmd.Parameters.AddWithValue("$state", (int)DeliveryStatus.Queued);
        cmd.Parameters.AddWithValue("$at", SqliteTime.ToDb(at));
        var added = 0;
        foreach (var n in notices)
        {
            (key.Value, warning.Value, officer.Value, channel.Value, address.Value, mention.Value, text.Value) =
                (n.Key, n.WarningId, n.OfficerId, n.Channel, n.Address, (object?)n.Mention ?? DBNull.Value, n.Text);
            notBefore.Value = n.NotBefore is { } due ? SqliteTime.ToDb(due) : DBNull.Value;
            added += cmd.ExecuteNonQuery();
        }

        return added;
    }

    private static List<StoredNotice> Read(SqliteCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var result = new List<StoredNotice>();
        while (r.Read())
        {
            var notice = new OfficerNotice(r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetString(4), r.GetString(5), r.GetString(7))
            {
                Mention = r.IsDBNull(6) ? null : r.GetString(6),
                NotBefore = r.IsDBNull(14) ? null : SqliteTime.FromDb(r.GetInt64(14)),
            };
            result.Add(new StoredNotice(r.GetInt64(0), notice, (DeliveryStatus)r.GetInt32(8), r.GetInt32(9), r.GetInt64(10) != 0,
                SqliteTime.FromDb(r.GetInt64(11)), r.IsDBNull(12) ? null : SqliteTime.FromDb(r.GetInt64(12)), r.IsDBNull(13) ? null : r.GetString(13)));
        }

        return result;
    }
}
