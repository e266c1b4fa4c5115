using Microsoft.Data.Sqlite;
using WarningHub.Core.Audit;
using WarningHub.Core.Registry;
using WarningHub.Core.Users;

namespace WarningHub.Storage.Sqlite;

/// <summary>Users and sessions on the embedded database; a user change and its audit row commit together.</summary>
public sealed class SqliteUserStore(SqliteDatabase database, TimeProvider time) : IUserStore
{
    private const string Columns = "id, name, role, agency, phone, password_hash, disabled, failed, locked_until, created_at";

    public Task<bool> AddAsync(HubUser user, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO hub_user(name, role, agency, phone, password_hash, created_at) VALUES ($n, $r, $a, $p, $h, $at)
                ON CONFLICT(name) DO NOTHING
                """;
            cmd.Parameters.AddWithValue("$n", user.Name);
            cmd.Parameters.AddWithValue("$r", user.Role.ToString());
            cmd.Parameters.AddWithValue("$a", (object?)user.Agency ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$p", (object?)user.Phone ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$h", user.PasswordHash);
            cmd.Parameters.AddWithValue("$at", SqliteTime.ToDb(user.CreatedAt));
            if (cmd.ExecuteNonQuery() == 0) return false;
            SqliteAuditTrail.Append(c, tx, new AuditEntry(actor, AuditActions.UserAdd, user.Name,
                $"role {user.Role}; agency {user.Agency ?? "-"}; phone {PhoneNumber.Mask(user.Phone)}"), time.GetUtcNow());
            return true;
        }, cancellationToken, flushToDisk: true);
    }

    public Task<bool> DisableAsync(string name, string actor, CancellationToken cancellationToken) =>
        database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "UPDATE hub_user SET disabled = 1 WHERE name = $n";
            cmd.Parameters.AddWithValue("$n", name);
            if (cmd.ExecuteNonQuery() == 0) return false;
            using var end = c.CreateCommand();
            end.Transaction = tx;
            end.CommandText = "UPDATE user_session SET ended = 1 WHERE user = $n";
            end.Parameters.AddWithValue("$n", name);
            var sessions = end.ExecuteNonQuery();
            SqliteAuditTrail.Append(c, tx, new AuditEntry(actor, AuditActions.UserDisable, name, $"{sessions} session(s) ended"), time.GetUtcNow());
            return true;
        }, cancellationToken, flushToDisk: true);

    public Task<HubUser?> GetAsync(string name, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM hub_user WHERE name = $n";
        cmd.Parameters.AddWithValue("$n", name);
        using var r = cmd.ExecuteReader();
        return Task.FromResult(r.Read() ? Read(r) : null);
    }

    public Task<IReadOnlyList<HubUser>> ListAsync(CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM hub_user ORDER BY id";
        using var r = cmd.ExecuteReader();
        var users = new List<HubUser>();
        while (r.Read()) users.Add(Read(r));
        return Task.FromResult<IReadOnlyList<HubUser>>(users);
    }

    public Task RecordFailureAsync(string name, DateTimeOffset? lockUntil, CancellationToken cancellationToken) =>
        database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = lockUntil is null
                ? "UPDATE hub_user SET failed = failed + 1 WHERE name = $n"
                : "UPDATE hub_user SET failed = 0, locked_until = $until WHERE name = $n";
            cmd.Parameters.AddWithValue("$n", name);
            cmd.Parameters.AddWithValue("$until", SqliteTime.ToDb(lockUntil));
            var known = cmd.ExecuteNonQuery() == 1;
            var now = time.GetUtcNow();
            if (lockUntil is { } until)
                SqliteAuditTrail.Append(c, tx, new AuditEntry("hub", AuditActions.UserLockedOut, name, $"too many failed sign-ins; locked until {until:O}"), now);
            else
                SqliteAuditTrail.Append(c, tx, new AuditEntry(name, AuditActions.SignInFailed, name, known ? "wrong password, disabled or locked" : "no such user"), now);
            return true;
        }, cancellationToken, flushToDisk: true);

    public Task StartSessionAsync(UserSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO user_session(token_hash, user, created_at, expires_at) VALUES ($t, $u, $c, $e);
                UPDATE hub_user SET failed = 0, locked_until = NULL WHERE name = $u;
                """;
            cmd.Parameters.AddWithValue("$t", session.TokenHash);
            cmd.Parameters.AddWithValue("$u", session.User);
            cmd.Parameters.AddWithValue("$c", SqliteTime.ToDb(session.CreatedAt));
            cmd.Parameters.AddWithValue("$e", SqliteTime.ToDb(session.ExpiresAt));
            cmd.ExecuteNonQuery();
            // The session is named by the first characters of its token's hash: enough to tell sessions apart, useless to sign in.
            SqliteAuditTrail.Append(c, tx, new AuditEntry(session.User, AuditActions.SignIn, session.User,
                $"session {session.TokenHash[..12]} until {session.ExpiresAt:O}"), session.CreatedAt);
            return true;
        }, cancellationToken, flushToDisk: true);
    }

    public Task<UserSession?> FindSessionAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT token_hash, user, created_at, expires_at FROM user_session WHERE token_hash = $t AND ended = 0 AND expires_at > $now";
        cmd.Parameters.AddWithValue("$t", tokenHash);
        cmd.Parameters.AddWithValue("$now", SqliteTime.ToDb(now));
        using var r = cmd.ExecuteReader();
        return Task.FromResult(r.Read() ? new UserSession(r.GetString(0), r.GetString(1), SqliteTime.FromDb(r.GetInt64(2)), SqliteTime.FromDb(r.GetInt64(3))) : null);
    }

    public Task EndSessionAsync(string tokenHash, CancellationToken cancellationToken) =>
        database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "UPDATE user_session SET ended = 1 WHERE token_hash = $t";
            cmd.Parameters.AddWithValue("$t", tokenHash);
            return cmd.ExecuteNonQuery();
        }, cancellationToken);

    private static HubUser Read(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Name = r.GetString(1),
        Role = Enum.Parse<HubRole>(r.GetString(2)),
        Agency = r.IsDBNull(3) ? null : r.GetString(3),
        Phone = r.IsDBNull(4) ? null : r.GetString(4),
        PasswordHash = r.GetString(5),
        Disabled = r.GetInt64(6) == 1,
        FailedSignIns = r.GetInt32(7),
        LockedUntil = SqliteTime.FromDbNullable(r.GetValue(8)),
        CreatedAt = SqliteTime.FromDb(r.GetInt64(9)),
    };
}
