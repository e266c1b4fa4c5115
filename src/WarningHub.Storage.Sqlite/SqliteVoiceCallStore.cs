using Microsoft.Data.Sqlite;
using WarningHub.Core.Acknowledgements;

namespace WarningHub.Storage.Sqlite;

/// <summary>
/// Voice call results in the <c>voice_call</c> table, one row per call id: the first result of a call is kept, a repeated
/// callback inserts nothing.
/// </summary>
public sealed class SqliteVoiceCallStore(SqliteDatabase database) : IVoiceCallStore
{
    private const string Columns = "call_id, warning, officer, attempt, gateway, outcome, keypress, ended_at, received_at";

    public Task<bool> RecordAsync(VoiceCallResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"""
                INSERT OR IGNORE INTO voice_call({Columns})
                VALUES ($call, $warning, $officer, $attempt, $gateway, $outcome, $keypress, $ended, $received)
                """;
            cmd.Parameters.AddWithValue("$call", result.CallId);
            cmd.Parameters.AddWithValue("$warning", result.WarningId);
            cmd.Parameters.AddWithValue("$officer", result.OfficerId);
            cmd.Parameters.AddWithValue("$attempt", result.Attempt);
            cmd.Parameters.AddWithValue("$gateway", result.Gateway);
            cmd.Parameters.AddWithValue("$outcome", (int)result.Outcome);
            cmd.Parameters.AddWithValue("$keypress", (object?)result.Keypress ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$ended", SqliteTime.ToDb(result.EndedAt));
            cmd.Parameters.AddWithValue("$received", SqliteTime.ToDb(result.ReceivedAt));
            return cmd.ExecuteNonQuery() == 1;
        }, cancellationToken, flushToDisk: true);
    }

    public Task<IReadOnlyList<VoiceCallResult>> OfWarningAsync(long warningId, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM voice_call WHERE warning = $warning ORDER BY officer, attempt, received_at";
        cmd.Parameters.AddWithValue("$warning", warningId);
        using var r = cmd.ExecuteReader();
        var result = new List<VoiceCallResult>();
        while (r.Read())
        {
            result.Add(new VoiceCallResult(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt32(3), r.GetString(4), (VoiceCallOutcome)r.GetInt32(5),
                r.IsDBNull(6) ? null : r.GetString(6), SqliteTime.FromDb(r.GetInt64(7)), SqliteTime.FromDb(r.GetInt64(8))));
        }

        return Task.FromResult<IReadOnlyList<VoiceCallResult>>(result);
    }
}
