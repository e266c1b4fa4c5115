using Microsoft.Data.Sqlite;

namespace WarningHub.Storage.Sqlite;

/// <summary>
/// The embedded schema. Slot ids of a shard are contiguous, so shards address their slots by rowid range
/// and the slot table needs no secondary index: inserting a million slots stays cheap.
/// Times are Unix milliseconds, UTC.
/// </summary>
internal static class Schema
{
    private const string Sql = """
        CREATE TABLE IF NOT EXISTS warning(
          id INTEGER PRIMARY KEY,
          public_id TEXT NOT NULL UNIQUE,
          sender TEXT NOT NULL,
          identifier TEXT NOT NULL,
          fingerprint TEXT NOT NULL,
          cap_status TEXT NOT NULL,
          msg_type TEXT NOT NULL,
          event TEXT NOT NULL,
          level TEXT NOT NULL,
          headline TEXT NOT NULL,
          sent INTEGER NOT NULL,
          effective INTEGER NOT NULL,
          expires INTEGER,
          received_at INTEGER NOT NULL,
          submitted_by TEXT NOT NULL,
          cap_xml TEXT NOT NULL,
          refs TEXT NOT NULL,
          state INTEGER NOT NULL,
          released_at INTEGER,
          ended_at INTEGER,
          failure TEXT,
          received_cap BLOB,
          submitter TEXT,
          approvers INTEGER NOT NULL DEFAULT 0,
          UNIQUE(sender, identifier));
        CREATE TABLE IF NOT EXISTS shard(
          id INTEGER PRIMARY KEY,
          warning INTEGER NOT NULL,
          channel TEXT NOT NULL,
          idx INTEGER NOT NULL,
          first_slot INTEGER NOT NULL,
          last_slot INTEGER NOT NULL,
          round INTEGER NOT NULL DEFAULT 0,
          UNIQUE(warning, channel, round, idx));
        CREATE TABLE IF NOT EXISTS slot(
          id INTEGER PRIMARY KEY,
          address TEXT NOT NULL,
          village INTEGER NOT NULL,
          persons INTEGER NOT NULL,
          state INTEGER NOT NULL DEFAULT 0,
          attempts INTEGER NOT NULL DEFAULT 0,
          dup INTEGER NOT NULL DEFAULT 0,
          parts INTEGER NOT NULL DEFAULT 0,
          parts_ok INTEGER NOT NULL DEFAULT 0,
          next_at INTEGER NOT NULL DEFAULT 0,
          updated_at INTEGER NOT NULL DEFAULT 0,
          error TEXT,
          written INTEGER NOT NULL DEFAULT 0,
          gateway TEXT);
        CREATE TABLE IF NOT EXISTS target(
          warning INTEGER NOT NULL,
          village INTEGER NOT NULL,
          persons INTEGER NOT NULL,
          without_address INTEGER NOT NULL,
          PRIMARY KEY(warning, village)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS broadcast_confirmation(
          warning INTEGER NOT NULL,
          village INTEGER NOT NULL,
          round INTEGER NOT NULL,
          at INTEGER NOT NULL,
          PRIMARY KEY(warning, village, round)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS household_mark(
          id INTEGER PRIMARY KEY,
          warning INTEGER NOT NULL,
          village INTEGER NOT NULL,
          household INTEGER NOT NULL,
          kind INTEGER NOT NULL,
          officer INTEGER NOT NULL,
          officer_name TEXT NOT NULL,
          at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS household_mark_village ON household_mark(warning, village);
        CREATE TABLE IF NOT EXISTS early_receipt(
          source TEXT NOT NULL,
          id TEXT NOT NULL,
          ok INTEGER NOT NULL,
          code TEXT NOT NULL,
          received INTEGER NOT NULL,
          PRIMARY KEY(source, id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS early_receipt_received ON early_receipt(received);
        CREATE TABLE IF NOT EXISTS notice(
          id INTEGER PRIMARY KEY,
          key TEXT NOT NULL UNIQUE,
          warning INTEGER NOT NULL,
          officer INTEGER NOT NULL,
          channel TEXT NOT NULL,
          address TEXT NOT NULL,
          mention TEXT,
          text TEXT NOT NULL,
          state INTEGER NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0,
          dup INTEGER NOT NULL DEFAULT 0,
          next_at INTEGER NOT NULL,
          created_at INTEGER NOT NULL,
          sent_at INTEGER,
          error TEXT,
          not_before INTEGER);
        CREATE INDEX IF NOT EXISTS notice_due ON notice(state, next_at);
        CREATE INDEX IF NOT EXISTS notice_warning ON notice(warning);
        CREATE TABLE IF NOT EXISTS ack(
          warning INTEGER NOT NULL,
          officer INTEGER NOT NULL,
          name TEXT NOT NULL,
          phone TEXT NOT NULL,
          tier INTEGER NOT NULL,
          regions TEXT NOT NULL,
          sent_at INTEGER NOT NULL,
          deadline_ms INTEGER NOT NULL,
          next_at INTEGER,
          answered_at INTEGER,
          method INTEGER,
          escalations INTEGER NOT NULL DEFAULT 0,
          escalated_at INTEGER,
          PRIMARY KEY(warning, officer)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ack_phone ON ack(phone) WHERE answered_at IS NULL;
        CREATE INDEX IF NOT EXISTS ack_next ON ack(next_at) WHERE next_at IS NOT NULL;
        CREATE TABLE IF NOT EXISTS voice_call(
          call_id TEXT PRIMARY KEY,
          warning INTEGER NOT NULL,
          officer INTEGER NOT NULL,
          attempt INTEGER NOT NULL,
          gateway TEXT NOT NULL,
          outcome INTEGER NOT NULL,
          keypress TEXT,
          ended_at INTEGER NOT NULL,
          received_at INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS voice_call_warning ON voice_call(warning, officer);
        CREATE TABLE IF NOT EXISTS follow_up(
          warning INTEGER PRIMARY KEY,
          at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS message(
          source TEXT NOT NULL,
          id TEXT NOT NULL,
          slot INTEGER NOT NULL,
          state INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY(source, id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS warning_state ON warning(state);
        CREATE TABLE IF NOT EXISTS approval(
          warning INTEGER NOT NULL,
          user TEXT NOT NULL,
          approved INTEGER NOT NULL,
          reason TEXT,
          at INTEGER NOT NULL,
          PRIMARY KEY(warning, user, approved)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS approval_call(
          warning INTEGER NOT NULL,
          user TEXT NOT NULL,
          at INTEGER NOT NULL,
          PRIMARY KEY(warning, user)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS hub_user(
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          role TEXT NOT NULL,
          agency TEXT,
          phone TEXT,
          password_hash TEXT NOT NULL,
          disabled INTEGER NOT NULL DEFAULT 0,
          failed INTEGER NOT NULL DEFAULT 0,
          locked_until INTEGER,
          created_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS user_session(
          token_hash TEXT PRIMARY KEY,
          user TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL,
          ended INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS audit(
          seq INTEGER PRIMARY KEY,
          at INTEGER NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          subject TEXT NOT NULL,
          detail TEXT NOT NULL,
          prev TEXT NOT NULL,
          hash TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_at ON audit(at);
        CREATE TABLE IF NOT EXISTS audit_cursor(
          name TEXT PRIMARY KEY,
          seq INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS drill(
          id INTEGER PRIMARY KEY,
          areas TEXT NOT NULL,
          from_at INTEGER NOT NULL,
          to_at INTEGER NOT NULL,
          authorised_by TEXT NOT NULL,
          authorised_at INTEGER NOT NULL);
        """;

    /// <summary>Columns added after a table was first shipped: added to databases made before them.</summary>
    private static readonly (string Table, string Column, string Definition)[] Added =
    [
        ("warning", "failure", "TEXT"),
        ("warning", "received_cap", "BLOB"),
        ("slot", "written", "INTEGER NOT NULL DEFAULT 0"),
        ("slot", "gateway", "TEXT"),
        ("warning", "submitter", "TEXT"),
        ("warning", "approvers", "INTEGER NOT NULL DEFAULT 0"),
        ("slot", "sent_at", "INTEGER"),
        ("notice", "not_before", "INTEGER"),
    ];

    public static void Apply(SqliteConnection connection)
    {
        SqliteDatabase.Execute(connection, Sql);
        foreach (var (table, column, definition) in Added)
        {
            using var check = connection.CreateCommand();
            check.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
            if ((long)check.ExecuteScalar()! == 0) SqliteDatabase.Execute(connection, $"ALTER TABLE {table} ADD COLUMN {column} {definition}");
        }
    }
}
