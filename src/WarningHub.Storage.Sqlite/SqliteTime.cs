namespace WarningHub.Storage.Sqlite;

internal static class SqliteTime
{
    public static long ToDb(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static object ToDb(DateTimeOffset? value) => value is { } v ? v.ToUnixTimeMilliseconds() : DBNull.Value;

    public static DateTimeOffset FromDb(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTimeOffset? FromDbNullable(object value) => value is long v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
}
