using Microsoft.Data.Sqlite;

namespace WarningHub.Storage.Sqlite.Tests;

public class CheckpointTests
{
    private const int BlobBytes = 4096;

    [Fact]
    public async Task TheWal_IsCheckpointedBesideTheWriter_SoWritesAfterACheckpointReuseIt()
    {
        await using var temp = new TempDatabase();
        var db = temp.Database;
        await db.WriteAsync((c, tx) =>
        {
            SqliteDatabase.Execute(c, "CREATE TABLE filler(b BLOB)", tx);
            return 0;
        }, default);

        await FillAsync(db, megabytes: 4);
        var before = db.FullCheckpoints;
        // Nothing but the background checkpointer copies the WAL back below SQLite's 64 MB backstop.
        Assert.True(await Eventually.TrueAsync(() => db.FullCheckpoints > before));
        var walAfterFirst = new FileInfo(temp.Path + "-wal").Length;
        await FillAsync(db, megabytes: 4);

        // The second fill was written over the first, already copied back: the WAL did not double.
        var wal = new FileInfo(temp.Path + "-wal").Length;
        Assert.True(wal < walAfterFirst * 3 / 2, $"WAL grew from {walAfterFirst} to {wal} bytes: it was not checkpointed");
    }

    private static async Task FillAsync(SqliteDatabase db, int megabytes)
    {
        var blob = new byte[BlobBytes];
        for (var tx = 0; tx < megabytes * 4; tx++)
        {
            await db.WriteAsync((c, t) =>
            {
                using var insert = c.CreateCommand();
                insert.Transaction = t;
                insert.CommandText = "INSERT INTO filler(b) VALUES ($b)";
                insert.Parameters.Add("$b", SqliteType.Blob).Value = blob;
                for (var i = 0; i < 1024 * 1024 / 4 / BlobBytes; i++) insert.ExecuteNonQuery();
                return 0;
            }, default);
        }
    }
}
