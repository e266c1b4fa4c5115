using Microsoft.Data.Sqlite;
using WarningHub.Storage.Sqlite;

namespace WarningHub.Storage.Sqlite.Tests;

/// <summary>A database in a fresh temp folder, deleted afterwards.</summary>
public sealed class TempDatabase : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("warninghub-test-");

    public TempDatabase() => Database = Open();

    public SqliteDatabase Database { get; private set; }

    public string Path => System.IO.Path.Combine(_folder.FullName, "hub.db");

    public SqliteDatabase Open() => new(new SqliteOptions { Path = Path });

    /// <summary>Closes and opens the file again, as a restarted process would.</summary>
    public async Task ReopenAsync()
    {
        await Database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Database = Open();
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
