using Microsoft.Data.Sqlite;
using WarningHub.Core.Audit;

namespace WarningHub.Storage.Sqlite;

/// <summary>
/// The hash-chained <c>audit</c> table. Rows are appended under the database's single writer in an immediate
/// transaction, so two processes (the hub and a `warninghub users` command) never fork the chain: the second waits.
/// Stores append their own acts inside their transactions with <see cref="Append"/>, so an act and its row commit
/// together or not at all.
/// </summary>
public sealed class SqliteAuditTrail(SqliteDatabase database, TimeProvider time) : IAuditTrail, IAuditCursors
{
    private const string Columns = "seq, at, actor, action, subject, detail, prev, hash";

    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return database.WriteAsync((c, tx) => Append(c, tx, entry, time.GetUtcNow()), cancellationToken, flushToDisk: true);
    }

    /// <summary>Appends inside the caller's transaction.</summary>
    internal static AuditRecord Append(SqliteConnection connection, SqliteTransaction tx, AuditEntry entry, DateTimeOffset at)
    {
        AuditRecord? last;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = $"SELECT {Columns} FROM audit ORDER BY seq DESC LIMIT 1";
            using var r = read.ExecuteReader();
            last = r.Read() ? Read(r) : null;
        }
        var row = AuditChain.Next(last, at, entry);
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO audit(seq, at, actor, action, subject, detail, prev, hash) VALUES ($seq, $at, $actor, $action, $subject, $detail, $prev, $hash)";
        var p = insert.Parameters;
        p.AddWithValue("$seq", row.Seq);
        p.AddWithValue("$at", SqliteTime.ToDb(row.At));
        p.AddWithValue("$actor", row.Actor);
        p.AddWithValue("$action", row.Action);
        p.AddWithValue("$subject", row.Subject);
        p.AddWithValue("$detail", row.Detail);
        p.AddWithValue("$prev", row.Previous);
        p.AddWithValue("$hash", row.Hash);
        insert.ExecuteNonQuery();
        return row;
    }

    /// <summary>The public id of a warning, for a row written inside a store's transaction; the internal id if it has none.</summary>
    internal static string PublicIdOf(SqliteConnection connection, SqliteTransaction tx, long warningId)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT public_id FROM warning WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", warningId);
        return cmd.ExecuteScalar() as string ?? warningId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<IReadOnlyList<AuditRecord>> ReadAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM audit WHERE at >= $from AND at < $to ORDER BY seq";
        cmd.Parameters.AddWithValue("$from", from is { } f ? SqliteTime.ToDb(f) : long.MinValue);
        cmd.Parameters.AddWithValue("$to", to is { } t ? SqliteTime.ToDb(t) : long.MaxValue);
        return Task.FromResult<IReadOnlyList<AuditRecord>>(ReadAll(cmd));
    }

    public Task<long?> GetCursorAsync(string name, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT seq FROM audit_cursor WHERE name = $n";
        cmd.Parameters.AddWithValue("$n", name);
        return Task.FromResult(cmd.ExecuteScalar() is long seq ? seq : (long?)null);
    }

    public Task SetCursorAsync(string name, long seq, CancellationToken cancellationToken) =>
        database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO audit_cursor(name, seq) VALUES ($n, $s) ON CONFLICT(name) DO UPDATE SET seq = excluded.seq";
            cmd.Parameters.AddWithValue("$n", name);
            cmd.Parameters.AddWithValue("$s", seq);
            return cmd.ExecuteNonQuery();
        }, cancellationToken);

    public Task<AuditRecord?> HeadAsync(CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM audit ORDER BY seq DESC LIMIT 1";
        using var r = cmd.ExecuteReader();
        return Task.FromResult(r.Read() ? Read(r) : null);
    }

    public Task<IReadOnlyList<AuditRecord>> ReadAfterAsync(long afterSeq, int limit, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM audit WHERE seq > $after ORDER BY seq LIMIT $limit";
        cmd.Parameters.AddWithValue("$after", afterSeq);
        cmd.Parameters.AddWithValue("$limit", limit);
        return Task.FromResult<IReadOnlyList<AuditRecord>>(ReadAll(cmd));
    }

    /// <summary>Every row in sequence order, read lazily (a long chain is verified without holding it in memory).</summary>
    public IEnumerable<AuditRecord> ReadChain()
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM audit ORDER BY seq";
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return Read(r);
    }

    private static List<AuditRecord> ReadAll(SqliteCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var rows = new List<AuditRecord>();
        while (r.Read()) rows.Add(Read(r));
        return rows;
    }

    private static AuditRecord Read(SqliteDataReader r) => new(r.GetInt64(0), SqliteTime.FromDb(r.GetInt64(1)), r.GetString(2), r.GetString(3),
        r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7));
}
