using WarningHub.Core.Cap;
using System.Globalization;
using Microsoft.Data.Sqlite;
using WarningHub.Core.Audit;
using WarningHub.Core.Warnings;

namespace WarningHub.Storage.Sqlite;

/// <summary>
/// Warnings on the embedded database; accepting commits with an fsync before it returns, together with the
/// submission's audit row.
/// </summary>
public sealed class SqliteWarningStore(SqliteDatabase database) : IWarningStore
{
    internal const string Columns = """
        id, public_id, sender, identifier, fingerprint, cap_status, msg_type, event, level, headline,
        sent, effective, expires, received_at, submitted_by, cap_xml, refs, state, released_at, ended_at, failure, received_cap, submitter, approvers
        """;

    public Task<AcceptResult> AcceptAsync(WarningRecord warning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return database.WriteAsync((c, tx) =>
        {
            var existing = Find(c, tx, warning.Sender, warning.Identifier);
            if (existing is not null)
            {
                var outcome = existing.Fingerprint == warning.Fingerprint ? AcceptOutcome.Duplicate : AcceptOutcome.Conflict;
                return new AcceptResult(outcome, existing);
            }
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"""
                INSERT INTO warning(public_id, sender, identifier, fingerprint, cap_status, msg_type, event, level, headline,
                  sent, effective, expires, received_at, submitted_by, cap_xml, refs, state, received_cap, submitter, approvers)
                VALUES ('', $sender, $identifier, $fp, $status, $type, $event, $level, $headline,
                  $sent, $effective, $expires, $received, $by, $xml, $refs, $state, $received_cap, $submitter, $approvers)
                RETURNING id
                """;
            var p = cmd.Parameters;
            p.AddWithValue("$sender", warning.Sender);
            p.AddWithValue("$identifier", warning.Identifier);
            p.AddWithValue("$fp", warning.Fingerprint);
            p.AddWithValue("$status", warning.CapStatus.ToString());
            p.AddWithValue("$type", warning.MsgType.ToString());
            p.AddWithValue("$event", warning.Event);
            p.AddWithValue("$level", warning.Level?.ToString() ?? "");
            p.AddWithValue("$headline", warning.Headline);
            p.AddWithValue("$sent", SqliteTime.ToDb(warning.Sent));
            p.AddWithValue("$effective", SqliteTime.ToDb(warning.Effective));
            p.AddWithValue("$expires", SqliteTime.ToDb(warning.Expires));
            p.AddWithValue("$received", SqliteTime.ToDb(warning.ReceivedAt));
            p.AddWithValue("$by", warning.SubmittedBy);
            p.AddWithValue("$xml", warning.CapXml);
            p.AddWithValue("$refs", string.Join('\n', warning.References));
            p.AddWithValue("$state", (int)warning.State);
            p.AddWithValue("$received_cap", (object?)warning.ReceivedCap ?? DBNull.Value);
            p.AddWithValue("$submitter", (object?)warning.Submitter ?? DBNull.Value);
            p.AddWithValue("$approvers", warning.ApproversRequired);
            var id = (long)cmd.ExecuteScalar()!;
            var publicId = PublicIdOf(id, warning.ReceivedAt);
            using var set = c.CreateCommand();
            set.Transaction = tx;
            set.CommandText = "UPDATE warning SET public_id = $p WHERE id = $id";
            set.Parameters.AddWithValue("$p", publicId);
            set.Parameters.AddWithValue("$id", id);
            set.ExecuteNonQuery();
            var stored = warning with { Id = id, PublicId = publicId };
            SqliteAuditTrail.Append(c, tx, SubmissionAudit(stored), warning.ReceivedAt);
            return new AcceptResult(AcceptOutcome.Created, stored);
        }, cancellationToken, flushToDisk: true);
    }

    private static AuditEntry SubmissionAudit(WarningRecord w) => new(
        w.Submitter is { } user ? $"{user} ({w.SubmittedBy})" : w.SubmittedBy, AuditActions.Submit, w.PublicId,
        string.Create(CultureInfo.InvariantCulture,
            $"{w.MsgType} {w.CapStatus} {w.Event} {w.Level?.ToString() ?? "-"}; sender {w.Sender} identifier {w.Identifier}; refs {string.Join(' ', w.References)}; "
            + $"fingerprint {w.Fingerprint}; {(w.ApproversRequired == 0 ? "released without approval" : $"{w.ApproversRequired} approver(s) required")}"));

    /// <summary>Readable, sortable and unique: the day of receipt (Beijing time) and the row number.</summary>
    private static string PublicIdOf(long id, DateTimeOffset receivedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"W{receivedAt.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd}-{id:D6}");

    public Task<WarningRecord?> GetAsync(string publicId, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        return Task.FromResult(QueryOne(c, null, "public_id = $a", ("$a", publicId)));
    }

    public Task<WarningRecord?> GetByIdAsync(long id, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM warning WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        return Task.FromResult(r.Read() ? Read(r) : null);
    }

    public Task<WarningRecord?> FindAsync(string sender, string identifier, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        return Task.FromResult(Find(c, null, sender, identifier));
    }

    public Task<bool> TransitionAsync(long id, WarningState from, WarningState to, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            var stamp = to == WarningState.Released ? "released_at = $at," : to.HasEnded() ? "ended_at = $at," : "";
            cmd.CommandText = $"UPDATE warning SET {stamp} state = $to WHERE id = $id AND state = $from";
            cmd.Parameters.AddWithValue("$at", SqliteTime.ToDb(at));
            cmd.Parameters.AddWithValue("$to", (int)to);
            cmd.Parameters.AddWithValue("$from", (int)from);
            cmd.Parameters.AddWithValue("$id", id);
            if (cmd.ExecuteNonQuery() != 1) return false;
            if (to == WarningState.Released) Audit(c, tx, id, AuditActions.Release, "every slot planned; sending", at);
            return true;
        }, cancellationToken, flushToDisk: true);

    public Task<bool> EndAsync(long id, WarningState to, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!to.HasEnded()) throw new ArgumentOutOfRangeException(nameof(to), to, "Not an end state.");
        return database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"""
                UPDATE warning SET state = $to, ended_at = $at WHERE id = $id
                AND state IN ({(int)WarningState.Accepted}, {(int)WarningState.Releasing}, {(int)WarningState.Released}, {(int)WarningState.Failed},
                  {(int)WarningState.PendingApproval})
                """;
            cmd.Parameters.AddWithValue("$to", (int)to);
            cmd.Parameters.AddWithValue("$at", SqliteTime.ToDb(at));
            cmd.Parameters.AddWithValue("$id", id);
            if (cmd.ExecuteNonQuery() != 1) return false;
            var action = to switch
            {
                WarningState.Cancelled => AuditActions.Cancel,
                WarningState.Superseded => AuditActions.Supersede,
                WarningState.Expired => AuditActions.Expire,
                _ => "end",
            };
            Audit(c, tx, id, action, $"ended: {to}", at);
            return true;
        }, cancellationToken, flushToDisk: true);
    }

    /// <summary>The hub's own acts on a warning (release, end), in the transaction that makes them.</summary>
    private static void Audit(SqliteConnection c, SqliteTransaction tx, long id, string action, string detail, DateTimeOffset at)
    {
        SqliteAuditTrail.Append(c, tx, new AuditEntry("hub", action, SqliteAuditTrail.PublicIdOf(c, tx, id), detail), at);
    }

    public Task<bool> FailAsync(long id, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"""
                UPDATE warning SET state = {(int)WarningState.Failed}, failure = $why, ended_at = $at WHERE id = $id
                AND state IN ({(int)WarningState.Accepted}, {(int)WarningState.Releasing})
                """;
            cmd.Parameters.AddWithValue("$why", reason);
            cmd.Parameters.AddWithValue("$at", SqliteTime.ToDb(at));
            cmd.Parameters.AddWithValue("$id", id);
            return cmd.ExecuteNonQuery() == 1;
        }, cancellationToken, flushToDisk: true);
    }

    public Task<IReadOnlyList<WarningRecord>> ListActiveAsync(CancellationToken cancellationToken) =>
        ListInStates(WarningState.Accepted, WarningState.Releasing, WarningState.Released);

    public Task<IReadOnlyList<WarningRecord>> ListUnreleasedAsync(CancellationToken cancellationToken) =>
        ListInStates(WarningState.Accepted, WarningState.Releasing);

    public Task<IReadOnlyList<WarningRecord>> ListPendingApprovalAsync(CancellationToken cancellationToken) =>
        ListInStates(WarningState.PendingApproval);

    public Task<IReadOnlyList<WarningRecord>> ListFailedAsync(CancellationToken cancellationToken) =>
        ListInStates(WarningState.Failed);

    private Task<IReadOnlyList<WarningRecord>> ListInStates(params WarningState[] states)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM warning WHERE state IN ({string.Join(", ", states.Select(s => (int)s))}) ORDER BY id";
        using var r = cmd.ExecuteReader();
        var result = new List<WarningRecord>();
        while (r.Read()) result.Add(Read(r));
        return Task.FromResult<IReadOnlyList<WarningRecord>>(result);
    }

    private static WarningRecord? Find(SqliteConnection c, SqliteTransaction? tx, string sender, string identifier) =>
        QueryOne(c, tx, "sender = $a AND identifier = $b", ("$a", sender), ("$b", identifier));

    private static WarningRecord? QueryOne(SqliteConnection c, SqliteTransaction? tx, string where, params (string Name, string Value)[] args)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT {Columns} FROM warning WHERE {where}";
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        using var r = cmd.ExecuteReader();
        return r.Read() ? Read(r) : null;
    }

    internal static WarningRecord Read(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        PublicId = r.GetString(1),
        Sender = r.GetString(2),
        Identifier = r.GetString(3),
        Fingerprint = r.GetString(4),
        CapStatus = Enum.Parse<CapStatus>(r.GetString(5)),
        MsgType = Enum.Parse<CapMsgType>(r.GetString(6)),
        Event = r.GetString(7),
        Level = Enum.TryParse<WarningLevel>(r.GetString(8), out var level) ? level : null,
        Headline = r.GetString(9),
        Sent = SqliteTime.FromDb(r.GetInt64(10)),
        Effective = SqliteTime.FromDb(r.GetInt64(11)),
        Expires = SqliteTime.FromDbNullable(r.GetValue(12)),
        ReceivedAt = SqliteTime.FromDb(r.GetInt64(13)),
        SubmittedBy = r.GetString(14),
        CapXml = r.GetString(15),
        References = r.GetString(16).Split('\n', StringSplitOptions.RemoveEmptyEntries),
        State = (WarningState)r.GetInt32(17),
        ReleasedAt = SqliteTime.FromDbNullable(r.GetValue(18)),
        EndedAt = SqliteTime.FromDbNullable(r.GetValue(19)),
        Failure = r.IsDBNull(20) ? null : r.GetString(20),
        ReceivedCap = r.IsDBNull(21) ? null : (byte[])r.GetValue(21),
        Submitter = r.IsDBNull(22) ? null : r.GetString(22),
        ApproversRequired = r.GetInt32(23),
    };
}
