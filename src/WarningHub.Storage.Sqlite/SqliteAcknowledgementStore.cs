using System.Globalization;
using Microsoft.Data.Sqlite;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Audit;
using WarningHub.Core.Notices;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;

namespace WarningHub.Storage.Sqlite;

/// <summary>
/// 叫应 calls in the <c>ack</c> table, one row per (warning, officer). <c>next_at</c> holds the next escalation
/// deadline of a silent call (null once answered or fully escalated), so start-up finds what to schedule with one
/// indexed query. Notices go into the <c>notice</c> table in the same transaction.
/// </summary>
public sealed class SqliteAcknowledgementStore(SqliteDatabase database) : IAcknowledgementStore
{
    private static readonly string[] InsertParameters = ["$warning", "$officer", "$name", "$phone", "$tier", "$regions", "$sent", "$deadline", "$next"];

    private const string Columns = "warning, officer, name, phone, tier, regions, sent_at, deadline_ms, answered_at, method, escalations, escalated_at";

    public Task<int> StartAsync(IReadOnlyList<Acknowledgement> calls, IReadOnlyList<OfficerNotice> notices, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(notices);
        return database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT OR IGNORE INTO ack(warning, officer, name, phone, tier, regions, sent_at, deadline_ms, next_at, escalations)
                VALUES ($warning, $officer, $name, $phone, $tier, $regions, $sent, $deadline, $next, 0)
                """;
            var p = InsertParameters.Select(n => cmd.Parameters.Add(n, SqliteType.Text)).ToArray();
            var added = 0;
            foreach (var a in calls)
            {
                object[] values = [a.WarningId, a.OfficerId, a.Name, a.Phone, (int)a.Tier, string.Join(',', a.Regions), SqliteTime.ToDb(a.SentAt),
                    (long)a.Deadline.TotalMilliseconds, SqliteTime.ToDb(a.SentAt + a.Deadline)];
                for (var i = 0; i < values.Length; i++)
                {
                    p[i].SqliteType = values[i] is string ? SqliteType.Text : SqliteType.Integer;
                    p[i].Value = values[i];
                }

                added += cmd.ExecuteNonQuery();
            }

            SqliteNoticeStore.Insert(c, tx, notices, at);
            return added;
        }, cancellationToken, flushToDisk: true);
    }

    public async Task<bool> EscalateAsync(long warningId, IReadOnlyList<EscalationStep> steps, IReadOnlyList<OfficerNotice> notices, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(notices);
        try
        {
            return await database.WriteAsync((c, tx) =>
            {
                using var cmd = c.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = $"""
                    UPDATE ack SET escalations = escalations + 1, escalated_at = $at,
                      next_at = CASE WHEN escalations + 1 < {Acknowledgement.MaxEscalations} THEN sent_at + deadline_ms * (escalations + 2) END
                    WHERE warning = $warning AND officer = $officer AND escalations = $from AND answered_at IS NULL
                    """;
                cmd.Parameters.AddWithValue("$at", SqliteTime.ToDb(at));
                cmd.Parameters.AddWithValue("$warning", warningId);
                var officer = cmd.Parameters.Add("$officer", SqliteType.Integer);
                var from = cmd.Parameters.Add("$from", SqliteType.Integer);
                foreach (var step in steps)
                {
                    (officer.Value, from.Value) = (step.OfficerId, step.FromStep);
                    if (cmd.ExecuteNonQuery() != 1) throw new StaleStepException();
                }

                SqliteNoticeStore.Insert(c, tx, notices, at);
                return true;
            }, cancellationToken, flushToDisk: true);
        }
        catch (StaleStepException)
        {
            return false; // the transaction was not committed: nothing changed
        }
    }

    public Task<IReadOnlyList<Acknowledgement>> AnswerAsync(long warningId, IReadOnlyList<long> officerIds, AcknowledgementMethod method, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officerIds);
        return database.WriteAsync<IReadOnlyList<Acknowledgement>>((c, tx) =>
        {
            var answered = new List<Acknowledgement>();
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"""
                UPDATE ack SET answered_at = $at, method = $method, next_at = NULL
                WHERE warning = $warning AND officer = $officer AND answered_at IS NULL
                RETURNING {Columns}
                """;
            cmd.Parameters.AddWithValue("$at", SqliteTime.ToDb(at));
            cmd.Parameters.AddWithValue("$method", (int)method);
            cmd.Parameters.AddWithValue("$warning", warningId);
            var officer = cmd.Parameters.Add("$officer", SqliteType.Integer);
            foreach (var id in officerIds.Distinct())
            {
                officer.Value = id;
                answered.AddRange(Read(cmd));
            }

            Audit(c, tx, answered, method, at);
            return answered;
        }, cancellationToken, flushToDisk: true);
    }

    public Task<IReadOnlyList<Acknowledgement>> AnswerByPhoneAsync(string phone, AcknowledgementMethod method, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<Acknowledgement>>((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"""
                UPDATE ack SET answered_at = $at, method = $method, next_at = NULL
                WHERE phone = $phone AND answered_at IS NULL
                  AND warning IN (SELECT id FROM warning WHERE state IN ($releasing, $released))
                RETURNING {Columns}
                """;
            cmd.Parameters.AddWithValue("$at", SqliteTime.ToDb(at));
            cmd.Parameters.AddWithValue("$method", (int)method);
            cmd.Parameters.AddWithValue("$phone", phone);
            // The calls leave before the release is over (they are made with it): an answer while it is still Releasing counts.
            cmd.Parameters.AddWithValue("$releasing", (int)WarningState.Releasing);
            cmd.Parameters.AddWithValue("$released", (int)WarningState.Released);
            var answered = Read(cmd);
            Audit(c, tx, answered, method, at);
            return answered;
        }, cancellationToken, flushToDisk: true);

    /// <summary>An officer's answer (叫应) is an act of a person: one audit row each, by officer id (no name, no phone).</summary>
    private static void Audit(SqliteConnection c, SqliteTransaction tx, IEnumerable<Acknowledgement> answered, AcknowledgementMethod method, DateTimeOffset at)
    {
        foreach (var a in answered)
        {
            SqliteAuditTrail.Append(c, tx, new AuditEntry(string.Create(CultureInfo.InvariantCulture, $"officer:{a.OfficerId}"), AuditActions.Acknowledge,
                SqliteAuditTrail.PublicIdOf(c, tx, a.WarningId), string.Create(CultureInfo.InvariantCulture, $"answered by {method}; tier {a.Tier}")), at);
        }
    }

    public Task<IReadOnlyList<Acknowledgement>> OfWarningAsync(long warningId, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM ack WHERE warning = $warning ORDER BY tier, officer";
        cmd.Parameters.AddWithValue("$warning", warningId);
        return Task.FromResult<IReadOnlyList<Acknowledgement>>(Read(cmd));
    }

    public Task<IReadOnlyList<(long WarningId, DateTimeOffset At)>> PendingDeadlinesAsync(CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT ack.warning, MIN(ack.next_at) FROM ack JOIN warning ON warning.id = ack.warning
            WHERE ack.next_at IS NOT NULL AND warning.state = $released GROUP BY ack.warning ORDER BY ack.warning
            """;
        cmd.Parameters.AddWithValue("$released", (int)WarningState.Released);
        using var r = cmd.ExecuteReader();
        var result = new List<(long, DateTimeOffset)>();
        while (r.Read()) result.Add((r.GetInt64(0), SqliteTime.FromDb(r.GetInt64(1))));
        return Task.FromResult<IReadOnlyList<(long WarningId, DateTimeOffset At)>>(result);
    }

    private static List<Acknowledgement> Read(SqliteCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var result = new List<Acknowledgement>();
        while (r.Read())
        {
            result.Add(new Acknowledgement(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), (ResponsibilityTier)r.GetInt32(4),
                r.GetString(5).Split(',', StringSplitOptions.RemoveEmptyEntries), SqliteTime.FromDb(r.GetInt64(6)), TimeSpan.FromMilliseconds(r.GetInt64(7)))
            {
                AnsweredAt = r.IsDBNull(8) ? null : SqliteTime.FromDb(r.GetInt64(8)),
                AnsweredBy = r.IsDBNull(9) ? null : (AcknowledgementMethod)r.GetInt32(9),
                Escalations = r.GetInt32(10),
                EscalatedAt = r.IsDBNull(11) ? null : SqliteTime.FromDb(r.GetInt64(11)),
            });
        }

        return result;
    }

    private sealed class StaleStepException : Exception
    {
    }
}
