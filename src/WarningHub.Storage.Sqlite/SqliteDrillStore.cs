using WarningHub.Core.Audit;
using WarningHub.Core.Drills;

namespace WarningHub.Storage.Sqlite;

/// <summary>Authorised drills on the embedded database; an authorisation and its audit row commit together.</summary>
public sealed class SqliteDrillStore(SqliteDatabase database, TimeProvider time) : IDrillStore
{
    public Task<Drill> AddAsync(Drill drill, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drill);
        return database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO drill(areas, from_at, to_at, authorised_by, authorised_at) VALUES ($a, $f, $t, $by, $at) RETURNING id";
            cmd.Parameters.AddWithValue("$a", string.Join(',', drill.AreaCodes));
            cmd.Parameters.AddWithValue("$f", SqliteTime.ToDb(drill.From));
            cmd.Parameters.AddWithValue("$t", SqliteTime.ToDb(drill.To));
            cmd.Parameters.AddWithValue("$by", drill.AuthorisedBy);
            cmd.Parameters.AddWithValue("$at", SqliteTime.ToDb(drill.AuthorisedAt));
            var id = (long)cmd.ExecuteScalar()!;
            var stored = drill with { Id = id };
            SqliteAuditTrail.Append(c, tx, new AuditEntry(drill.AuthorisedBy, AuditActions.DrillAuthorise, $"drill {id}",
                $"areas {string.Join(',', drill.AreaCodes)}; from {drill.From:O}; to {drill.To:O}"), time.GetUtcNow());
            return stored;
        }, cancellationToken, flushToDisk: true);
    }

    public Task<IReadOnlyList<Drill>> ListAsync(CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, areas, from_at, to_at, authorised_by, authorised_at FROM drill ORDER BY id DESC";
        using var r = cmd.ExecuteReader();
        var drills = new List<Drill>();
        while (r.Read())
        {
            drills.Add(new Drill(r.GetInt64(0), r.GetString(1).Split(',', StringSplitOptions.RemoveEmptyEntries), SqliteTime.FromDb(r.GetInt64(2)),
                SqliteTime.FromDb(r.GetInt64(3)), r.GetString(4), SqliteTime.FromDb(r.GetInt64(5))));
        }
        return Task.FromResult<IReadOnlyList<Drill>>(drills);
    }
}
