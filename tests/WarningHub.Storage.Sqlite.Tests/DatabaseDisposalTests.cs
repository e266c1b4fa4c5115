namespace WarningHub.Storage.Sqlite.Tests;

public class DatabaseDisposalTests
{
    [Fact]
    public async Task DisposeAsync_WritesQueuedBeforeIt_GoFirst_AndOnesAfterItAreRefused()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-test-");
        var database = new SqliteDatabase(new SqliteOptions { Path = Path.Combine(folder.FullName, "hub.db") });
        using var release = new ManualResetEventSlim();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = Task.Run(() => database.WriteAsync((c, tx) =>
        {
            entered.SetResult();
            return release.Wait(TimeSpan.FromSeconds(30));
        }, default));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the first writer holds the gate, inside its transaction

        // A stopping engine's last outcomes were queued before the hub disposed its database: they must still be written.
        var queued = database.WriteAsync((c, tx) => 42, default);
        var disposing = database.DisposeAsync().AsTask();
        release.Set();

        Assert.Equal(42, await queued.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(await holding);
        await disposing.WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => database.WriteAsync((c, tx) => 0, default));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}
