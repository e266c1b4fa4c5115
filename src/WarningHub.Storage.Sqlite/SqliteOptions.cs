namespace WarningHub.Storage.Sqlite;

/// <summary>Where the embedded store lives and how hard it flushes.</summary>
public sealed class SqliteOptions
{
    /// <summary>Path of the database file; created with its folder when missing.</summary>
    public string Path { get; set; } = "data/warninghub.db";

    /// <summary>
    /// FULL survives power loss; NORMAL (WAL) survives a killed process, which is what the kill-and-restart
    /// guarantee needs, at a fraction of the fsyncs. Warnings are always committed with FULL.
    /// </summary>
    public bool SynchronousFull { get; set; }
}
