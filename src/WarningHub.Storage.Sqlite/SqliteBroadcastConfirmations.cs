using System.Globalization;
using WarningHub.Core.Audit;
using WarningHub.Core.Ledger;

namespace WarningHub.Storage.Sqlite;

public sealed class SqliteBroadcastConfirmations(SqliteDatabase database) : IBroadcastConfirmations
{
    public Task<bool> RecordAsync(BroadcastConfirmation confirmation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        return database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT OR IGNORE INTO broadcast_confirmation(warning, village, round, at) VALUES ($w, $v, $r, $at)";
            cmd.Parameters.AddWithValue("$w", confirmation.WarningId);
            cmd.Parameters.AddWithValue("$v", confirmation.VillageCode);
            cmd.Parameters.AddWithValue("$r", confirmation.Round);
            cmd.Parameters.AddWithValue("$at", SqliteTime.ToDb(confirmation.At));
            if (cmd.ExecuteNonQuery() != 1) return false;
            // A broadcaster's act, audited in the same transaction: by the village of the signed link (it names no person).
            SqliteAuditTrail.Append(c, tx, new AuditEntry(string.Create(CultureInfo.InvariantCulture, $"broadcaster:{confirmation.VillageCode}"),
                AuditActions.Acknowledge, SqliteAuditTrail.PublicIdOf(c, tx, confirmation.WarningId),
                string.Create(CultureInfo.InvariantCulture, $"played round {confirmation.Round} in village {confirmation.VillageCode}")), confirmation.At);
            return true;
        }, cancellationToken, flushToDisk: true);
    }

    public Task<IReadOnlyList<BroadcastConfirmation>> OfWarningAsync(long warningId, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT village, round, at FROM broadcast_confirmation WHERE warning = $w ORDER BY village, round";
        cmd.Parameters.AddWithValue("$w", warningId);
        using var r = cmd.ExecuteReader();
        var result = new List<BroadcastConfirmation>();
        while (r.Read()) result.Add(new BroadcastConfirmation(warningId, r.GetInt64(0), r.GetInt32(1), SqliteTime.FromDb(r.GetInt64(2))));
        return Task.FromResult<IReadOnlyList<BroadcastConfirmation>>(result);
    }
}
