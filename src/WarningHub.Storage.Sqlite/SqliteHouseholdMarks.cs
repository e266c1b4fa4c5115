using System.Globalization;
using WarningHub.Core.Audit;
using WarningHub.Core.Reach;

namespace WarningHub.Storage.Sqlite;

/// <summary>Officers' marks on households: an append-only table (no statement here updates or deletes a mark).</summary>
public sealed class SqliteHouseholdMarks(SqliteDatabase database) : IHouseholdMarks
{
    public Task RecordAsync(HouseholdMark mark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mark);
        // An officer's act: on disk before the page says it is recorded.
        return database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO household_mark(warning, village, household, kind, officer, officer_name, at)
                VALUES ($w, $v, $h, $k, $o, $n, $at)
                """;
            cmd.Parameters.AddWithValue("$w", mark.WarningId);
            cmd.Parameters.AddWithValue("$v", mark.VillageCode);
            cmd.Parameters.AddWithValue("$h", mark.HouseholdId);
            cmd.Parameters.AddWithValue("$k", (int)mark.Kind);
            cmd.Parameters.AddWithValue("$o", mark.OfficerId);
            cmd.Parameters.AddWithValue("$n", mark.OfficerName);
            cmd.Parameters.AddWithValue("$at", SqliteTime.ToDb(mark.At));
            var rows = cmd.ExecuteNonQuery();
            // An officer's act, audited in the same transaction: by officer id, never the officer's or the household's names.
            SqliteAuditTrail.Append(c, tx, new AuditEntry(string.Create(CultureInfo.InvariantCulture, $"officer:{mark.OfficerId}"), AuditActions.DoorToDoorMark,
                SqliteAuditTrail.PublicIdOf(c, tx, mark.WarningId),
                string.Create(CultureInfo.InvariantCulture, $"village {mark.VillageCode} household {mark.HouseholdId}: {mark.Kind}")), mark.At);
            return rows;
        }, cancellationToken, flushToDisk: true);
    }

    public Task<IReadOnlyList<HouseholdMark>> OfWarningAsync(long warningId, long? villageCode, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = villageCode is null
            ? "SELECT village, household, kind, officer, officer_name, at FROM household_mark WHERE warning = $w ORDER BY id"
            : "SELECT village, household, kind, officer, officer_name, at FROM household_mark WHERE warning = $w AND village = $v ORDER BY id";
        cmd.Parameters.AddWithValue("$w", warningId);
        if (villageCode is { } v) cmd.Parameters.AddWithValue("$v", v);
        using var r = cmd.ExecuteReader();
        var result = new List<HouseholdMark>();
        while (r.Read())
        {
            result.Add(new HouseholdMark(warningId, r.GetInt64(0), r.GetInt64(1), (HouseholdMarkKind)r.GetInt32(2), r.GetInt64(3), r.GetString(4),
                SqliteTime.FromDb(r.GetInt64(5))));
        }
        return Task.FromResult<IReadOnlyList<HouseholdMark>>(result);
    }
}
