using Microsoft.Data.Sqlite;
using WarningHub.Core.Registry;

namespace WarningHub.Storage.Sqlite;

/// <summary>
/// The recipient registry in the embedded database. An import replaces the whole registry in one transaction:
/// a registry is either the old one or the new one, never half of each.
/// </summary>
public sealed class SqliteRegistryStore(SqliteDatabase database)
{
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS region(code TEXT PRIMARY KEY, name TEXT NOT NULL, level INTEGER NOT NULL, parent TEXT, lat REAL, lon REAL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS household(id INTEGER PRIMARY KEY, village TEXT NOT NULL, address TEXT NOT NULL, lat REAL, lon REAL);
        CREATE TABLE IF NOT EXISTS person(id INTEGER PRIMARY KEY, name TEXT NOT NULL, phone TEXT, household INTEGER NOT NULL, village TEXT NOT NULL, lat REAL, lon REAL, test INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS terminal(id TEXT PRIMARY KEY, village TEXT NOT NULL, channel TEXT NOT NULL, address TEXT NOT NULL, test INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS subscriber(openid TEXT PRIMARY KEY, village TEXT NOT NULL, household INTEGER, test INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS officer(id INTEGER PRIMARY KEY, name TEXT NOT NULL, phone TEXT NOT NULL, region TEXT NOT NULL, role INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS responsibility(region TEXT NOT NULL, officer INTEGER NOT NULL, tier INTEGER NOT NULL, levels INTEGER NOT NULL, duties INTEGER NOT NULL, PRIMARY KEY(region, officer)) WITHOUT ROWID;
        """;

    // Columns added after a registry table was first shipped: added to databases made before them.
    private static readonly (string Table, string Column, string Definition)[] Added =
    [
        ("household", "cadre", "INTEGER"),
    ];

    public Task SaveAsync(CountyRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return database.WriteAsync((c, tx) =>
        {
            CreateTables(c, tx);
            WriteRegistry(c, tx, registry);
            return 0;
        }, cancellationToken, flushToDisk: true);
    }

    /// <summary>Replaces the terminals, followers and officers in one transaction.</summary>
    public Task SaveEndpointsAsync(CountyEndpoints endpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return database.WriteAsync((c, tx) =>
        {
            CreateTables(c, tx);
            WriteEndpoints(c, tx, endpoints);
            return 0;
        }, cancellationToken, flushToDisk: true);
    }

    /// <summary>
    /// Replaces the registry and its endpoints in one transaction, as an import does: a crash between the two
    /// must not leave a new registry beside endpoints that name villages it no longer has.
    /// </summary>
    public Task SaveAsync(CountyRegistry registry, CountyEndpoints endpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(endpoints);
        return database.WriteAsync((c, tx) =>
        {
            CreateTables(c, tx);
            WriteRegistry(c, tx, registry);
            WriteEndpoints(c, tx, endpoints);
            return 0;
        }, cancellationToken, flushToDisk: true);
    }

    /// <summary>The stored endpoints (empty when none were imported).</summary>
    public CountyEndpoints LoadEndpoints()
    {
        using var c = database.OpenReader();
        CreateTables(c, null);
        var terminals = Query(c, "SELECT id, village, channel, address, test FROM terminal ORDER BY id", r =>
            new Terminal(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4) != 0));
        var subscribers = Query(c, "SELECT openid, village, household, test FROM subscriber ORDER BY openid", r =>
            Follower(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.GetInt64(3) != 0));
        var officers = Query(c, "SELECT id, name, phone, region, role FROM officer ORDER BY id", r =>
            new Officer(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), (OfficerRole)r.GetInt32(4)));
        var responsibilities = Query(c, "SELECT region, officer, tier, levels, duties FROM responsibility ORDER BY region, officer", r =>
            new Responsibility(r.GetString(0), r.GetInt64(1), (ResponsibilityTier)r.GetInt32(2), (WarningLevelSet)r.GetInt32(3), (ResponsibilityDuties)r.GetInt32(4)));
        return new CountyEndpoints(terminals, subscribers, officers, responsibilities);
    }

    /// <summary>The stored registry, or null when none was imported yet.</summary>
    public CountyRegistry? Load()
    {
        using var c = database.OpenReader();
        CreateTables(c, null);
        var regions = Query(c, "SELECT code, name, level, parent, lat, lon FROM region", r =>
            new Region(r.GetString(0), r.GetString(1), (RegionLevel)r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3))
            { Latitude = Real(r, 4), Longitude = Real(r, 5) });
        if (regions.Count == 0) return null;
        var households = Query(c, "SELECT id, village, address, lat, lon, cadre FROM household ORDER BY id", r =>
            new Household(r.GetInt64(0), r.GetString(1), r.GetString(2), Real(r, 3), Real(r, 4)) { CadreId = r.IsDBNull(5) ? null : r.GetInt64(5) });
        var persons = Query(c, "SELECT id, name, phone, household, village, lat, lon, test FROM person ORDER BY id", r =>
            new Person(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3), r.GetString(4), Real(r, 5), Real(r, 6), r.GetInt64(7) != 0));
        return new CountyRegistry(regions, households, persons);
    }

    private static void WriteRegistry(SqliteConnection c, SqliteTransaction tx, CountyRegistry registry)
    {
        SqliteDatabase.Execute(c, "DELETE FROM region; DELETE FROM household; DELETE FROM person;", tx);
        Insert(c, tx, "INSERT INTO region VALUES ($1,$2,$3,$4,$5,$6)", registry.Regions,
            r => [r.Code, r.Name, (int)r.Level, r.ParentCode, r.Latitude, r.Longitude]);
        Insert(c, tx, "INSERT INTO household(id, village, address, lat, lon, cadre) VALUES ($1,$2,$3,$4,$5,$6)", registry.Households,
            h => [h.Id, h.VillageCode, h.Address, h.Latitude, h.Longitude, h.CadreId]);
        Insert(c, tx, "INSERT INTO person VALUES ($1,$2,$3,$4,$5,$6,$7,$8)", registry.Persons,
            p => [p.Id, p.Name, p.Phone, p.HouseholdId, p.VillageCode, p.Latitude, p.Longitude, p.IsTestRecipient ? 1 : 0]);
    }

    private static void WriteEndpoints(SqliteConnection c, SqliteTransaction tx, CountyEndpoints endpoints)
    {
        SqliteDatabase.Execute(c, "DELETE FROM terminal; DELETE FROM subscriber; DELETE FROM officer; DELETE FROM responsibility;", tx);
        Insert(c, tx, "INSERT INTO terminal VALUES ($1,$2,$3,$4,$5)", endpoints.Terminals, t => [t.Id, t.VillageCode, t.Channel, t.Address, t.IsTest ? 1 : 0]);
        // The openid column holds the follower's address (account:openid, or the openid of the default account): an openid is
        // unique within its account only, and a database of one account reads as before.
        Insert(c, tx, "INSERT INTO subscriber VALUES ($1,$2,$3,$4)", endpoints.Subscribers, s => [s.Address, s.VillageCode, s.HouseholdId, s.IsTest ? 1 : 0]);
        Insert(c, tx, "INSERT INTO officer VALUES ($1,$2,$3,$4,$5)", endpoints.Officers, o => [o.Id, o.Name, o.Phone, o.RegionCode, (int)o.Role]);
        Insert(c, tx, "INSERT INTO responsibility VALUES ($1,$2,$3,$4,$5)", endpoints.Responsibilities,
            r => [r.RegionCode, r.OfficerId, (int)r.Tier, (int)r.Levels, (int)r.Duties]);
    }

    private static Subscriber Follower(string address, string village, long? household, bool isTest)
    {
        var account = FollowerAddress.AccountOf(address);
        return new Subscriber(account is null ? address : address[(account.Length + 1)..], village, household, isTest, account);
    }

    private static void CreateTables(SqliteConnection c, SqliteTransaction? tx)
    {
        SqliteDatabase.Execute(c, Tables, tx);
        foreach (var (table, column, definition) in Added)
        {
            using var check = c.CreateCommand();
            check.Transaction = tx;
            check.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
            if ((long)check.ExecuteScalar()! == 0) SqliteDatabase.Execute(c, $"ALTER TABLE {table} ADD COLUMN {column} {definition}", tx);
        }
    }

    private static double? Real(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static List<T> Query<T>(SqliteConnection c, string sql, Func<SqliteDataReader, T> read)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var result = new List<T>();
        while (r.Read()) result.Add(read(r));
        return result;
    }

    private static void Insert<T>(SqliteConnection c, SqliteTransaction tx, string sql, IEnumerable<T> rows, Func<T, object?[]> values)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        SqliteParameter[]? ps = null;
        foreach (var row in rows)
        {
            var v = values(row);
            if (ps is null)
            {
                ps = new SqliteParameter[v.Length];
                for (var i = 0; i < v.Length; i++) ps[i] = cmd.Parameters.Add("$" + (i + 1), SqliteType.Text);
            }
            for (var i = 0; i < v.Length; i++)
            {
                ps[i].SqliteType = v[i] switch { long or int => SqliteType.Integer, double => SqliteType.Real, _ => SqliteType.Text };
                ps[i].Value = v[i] ?? DBNull.Value;
            }
            cmd.ExecuteNonQuery();
        }
    }
}
