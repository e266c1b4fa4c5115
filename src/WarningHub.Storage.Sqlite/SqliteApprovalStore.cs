using System.Globalization;
using Microsoft.Data.Sqlite;
using WarningHub.Core.Approval;
using WarningHub.Core.Audit;
using WarningHub.Core.Warnings;

namespace WarningHub.Storage.Sqlite;

/// <summary>
/// Approval decisions on the embedded database. Each decision is one write transaction under the single writer:
/// read the warning, check, insert the decision, count distinct approvers, move the warning, append the audit rows.
/// The primary key (warning, user, approved) keeps a second approval by the same user out even if two sessions race.
/// </summary>
public sealed class SqliteApprovalStore(SqliteDatabase database) : IApprovalStore
{
    public Task<ApprovalResult> ApproveAsync(long warningId, string user, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        return database.WriteAsync((c, tx) =>
        {
            if (Check(c, tx, warningId, user) is { } refused) return refused;
            var warning = Warning(c, tx, warningId)!;
            var decisions = Decisions(c, tx, warningId);
            if (decisions.Any(d => d.Approved && d.User == user))
                return new ApprovalResult(ApprovalOutcome.AlreadyApproved, warningId, warning.ApproversRequired, decisions);
            Insert(c, tx, warningId, user, approved: true, reason: null, at);
            decisions = Decisions(c, tx, warningId);
            var count = decisions.Where(d => d.Approved).Select(d => d.User).Distinct(StringComparer.Ordinal).Count();
            SqliteAuditTrail.Append(c, tx, new AuditEntry(user, AuditActions.Approve, warning.PublicId,
                string.Create(CultureInfo.InvariantCulture, $"approval {count} of {warning.ApproversRequired}")), at);
            if (count < warning.ApproversRequired) return new ApprovalResult(ApprovalOutcome.Recorded, warningId, warning.ApproversRequired, decisions);
            Move(c, tx, warningId, WarningState.Accepted, at, reason: null);
            SqliteAuditTrail.Append(c, tx, new AuditEntry("hub", AuditActions.Approved, warning.PublicId,
                $"approved by {string.Join(", ", decisions.Where(d => d.Approved).Select(d => d.User))}"), at);
            return new ApprovalResult(ApprovalOutcome.Approved, warningId, warning.ApproversRequired, decisions);
        }, cancellationToken, flushToDisk: true);
    }

    public Task<ApprovalResult> RejectAsync(long warningId, string user, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return database.WriteAsync((c, tx) =>
        {
            if (Check(c, tx, warningId, user) is { } refused) return refused;
            var warning = Warning(c, tx, warningId)!;
            Insert(c, tx, warningId, user, approved: false, reason, at);
            Move(c, tx, warningId, WarningState.Rejected, at, "rejected by " + user + ": " + reason);
            // The reason is typed by a person: any number in it (a landline, a phone written with spaces) is masked, not only mobiles.
            SqliteAuditTrail.Append(c, tx, new AuditEntry(user, AuditActions.Reject, warning.PublicId, AuditChain.RedactFreeText(reason)), at);
            return new ApprovalResult(ApprovalOutcome.Rejected, warningId, warning.ApproversRequired, Decisions(c, tx, warningId));
        }, cancellationToken, flushToDisk: true);
    }

    public Task<IReadOnlyList<ApprovalDecision>> DecisionsAsync(long warningId, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        return Task.FromResult<IReadOnlyList<ApprovalDecision>>(Decisions(c, null, warningId));
    }

    public Task<IReadOnlyList<string>> CalledAsync(long warningId, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT user FROM approval_call WHERE warning = $w ORDER BY at";
        cmd.Parameters.AddWithValue("$w", warningId);
        using var r = cmd.ExecuteReader();
        var users = new List<string>();
        while (r.Read()) users.Add(r.GetString(0));
        return Task.FromResult<IReadOnlyList<string>>(users);
    }

    public Task<bool> RecordCallAsync(long warningId, string user, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT OR IGNORE INTO approval_call(warning, user, at) VALUES ($w, $u, $at)";
            cmd.Parameters.AddWithValue("$w", warningId);
            cmd.Parameters.AddWithValue("$u", user);
            cmd.Parameters.AddWithValue("$at", SqliteTime.ToDb(at));
            if (cmd.ExecuteNonQuery() == 0) return false;
            SqliteAuditTrail.Append(c, tx, new AuditEntry("hub", AuditActions.ApproverCalled, SqliteAuditTrail.PublicIdOf(c, tx, warningId), $"{user} called by SMS: approval deadline passed"), at);
            return true;
        }, cancellationToken, flushToDisk: true);

    /// <summary>Why the user may not decide now, or null.</summary>
    private static ApprovalResult? Check(SqliteConnection c, SqliteTransaction tx, long warningId, string user)
    {
        var warning = Warning(c, tx, warningId);
        if (warning is null) return new ApprovalResult(ApprovalOutcome.NotFound, warningId, 0, []);
        var decisions = Decisions(c, tx, warningId);
        if (warning.State != WarningState.PendingApproval) return new ApprovalResult(ApprovalOutcome.NotPending, warningId, warning.ApproversRequired, decisions);
        if (string.Equals(warning.Submitter, user, StringComparison.Ordinal))
            return new ApprovalResult(ApprovalOutcome.Submitter, warningId, warning.ApproversRequired, decisions);
        return null;
    }

    private static WarningRecord? Warning(SqliteConnection c, SqliteTransaction tx, long id)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT {SqliteWarningStore.Columns} FROM warning WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? SqliteWarningStore.Read(r) : null;
    }

    private static List<ApprovalDecision> Decisions(SqliteConnection c, SqliteTransaction? tx, long warningId)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT user, approved, reason, at FROM approval WHERE warning = $w ORDER BY at, user";
        cmd.Parameters.AddWithValue("$w", warningId);
        using var r = cmd.ExecuteReader();
        var list = new List<ApprovalDecision>();
        while (r.Read()) list.Add(new ApprovalDecision(r.GetString(0), r.GetInt64(1) == 1, r.IsDBNull(2) ? null : r.GetString(2), SqliteTime.FromDb(r.GetInt64(3))));
        return list;
    }

    private static void Insert(SqliteConnection c, SqliteTransaction tx, long warningId, string user, bool approved, string? reason, DateTimeOffset at)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO approval(warning, user, approved, reason, at) VALUES ($w, $u, $a, $r, $at)";
        cmd.Parameters.AddWithValue("$w", warningId);
        cmd.Parameters.AddWithValue("$u", user);
        cmd.Parameters.AddWithValue("$a", approved ? 1 : 0);
        cmd.Parameters.AddWithValue("$r", (object?)reason ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$at", SqliteTime.ToDb(at));
        cmd.ExecuteNonQuery();
    }

    private static void Move(SqliteConnection c, SqliteTransaction tx, long warningId, WarningState to, DateTimeOffset at, string? reason)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        var ended = to.HasEnded() ? ", ended_at = $at, failure = $why" : "";
        cmd.CommandText = $"UPDATE warning SET state = $to{ended} WHERE id = $id AND state = {(int)WarningState.PendingApproval}";
        cmd.Parameters.AddWithValue("$to", (int)to);
        cmd.Parameters.AddWithValue("$at", SqliteTime.ToDb(at));
        cmd.Parameters.AddWithValue("$why", (object?)reason ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$id", warningId);
        if (cmd.ExecuteNonQuery() != 1) throw new InvalidOperationException($"Warning {warningId} left PendingApproval inside the writer's transaction.");
    }
}
