using Microsoft.Data.Sqlite;
using WarningHub.Abstractions;
using WarningHub.Core.Notices;

namespace WarningHub.Storage.Sqlite.Tests;

/// <summary>Officer notices with a not-before time: door-to-door links queued at release and due minutes later.</summary>
public sealed class SqliteNoticeStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 15, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = Now + TimeSpan.FromMinutes(10);

    [Fact]
    public async Task NoticeWithNotBefore_IsNotClaimedBeforeItIsDue_AlsoAfterAReopen()
    {
        await using var temp = new TempDatabase();
        var added = await new SqliteNoticeStore(temp.Database).EnqueueAsync([Door(), Call()], Now, default);

        var atRelease = await new SqliteNoticeStore(temp.Database).ClaimDueAsync(Now, 10, default);
        await temp.ReopenAsync(); // the hub stopped between release and the due time
        var store = new SqliteNoticeStore(temp.Database);
        var early = await store.ClaimDueAsync(Due - TimeSpan.FromMilliseconds(1), 10, default);
        var due = await store.ClaimDueAsync(Due, 10, default);
        var again = await store.ClaimDueAsync(Due + TimeSpan.FromMinutes(1), 10, default);

        Assert.Equal(2, added);
        Assert.Equal(["ack:1:7:call"], atRelease.Select(n => n.Notice.Key));
        Assert.Empty(early);
        var door = Assert.Single(due);
        Assert.Equal(("door:1:511124100201:7", Due, DeliveryStatus.Sending, 1), (door.Notice.Key, door.Notice.NotBefore, door.State, door.Attempts));
        Assert.Empty(again);
    }

    [Fact]
    public async Task NotBeforeInThePast_IsDueAtOnce()
    {
        await using var temp = new TempDatabase();
        var store = new SqliteNoticeStore(temp.Database);
        await store.EnqueueAsync([Door() with { NotBefore = Now - TimeSpan.FromMinutes(1) }], Now, default);

        Assert.Single(await store.ClaimDueAsync(Now, 10, default));
    }

    [Fact]
    public async Task ADatabaseFromBeforeTheColumn_GainsIt_AndKeepsItsNotices()
    {
        await using (var temp = new TempDatabase())
        {
            using (var old = new SqliteConnection($"Data Source={temp.Path}"))
            {
                old.Open();
                using var create = old.CreateCommand();
                // The notice table as first shipped, with one queued call in it.
                create.CommandText = """
                    DROP TABLE notice;
                    CREATE TABLE notice(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, warning INTEGER NOT NULL, officer INTEGER NOT NULL,
                      channel TEXT NOT NULL, address TEXT NOT NULL, mention TEXT, text TEXT NOT NULL, state INTEGER NOT NULL,
                      attempts INTEGER NOT NULL DEFAULT 0, dup INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL, created_at INTEGER NOT NULL,
                      sent_at INTEGER, error TEXT);
                    INSERT INTO notice(key, warning, officer, channel, address, text, state, next_at, created_at)
                    VALUES ('ack:1:8:call', 1, 8, 'sms', '13900000008', 'call', 1, 0, 0);
                    """;
                create.ExecuteNonQuery();
            }
            SqliteConnection.ClearAllPools();

            await temp.ReopenAsync();
            var store = new SqliteNoticeStore(temp.Database);
            await store.EnqueueAsync([Door()], Now, default);

            var now = await store.ClaimDueAsync(Now, 10, default);
            var later = await store.ClaimDueAsync(Due, 10, default);

            Assert.Equal(["ack:1:8:call"], now.Select(n => n.Notice.Key));
            Assert.Null(now[0].Notice.NotBefore);
            Assert.Equal(["door:1:511124100201:7"], later.Select(n => n.Notice.Key));
        }
    }

    private static OfficerNotice Door() =>
        new("door:1:511124100201:7", 1, 7, "sms", "13900000007", "【入户通知】…") { NotBefore = Due };

    private static OfficerNotice Call() => new("ack:1:7:call", 1, 7, "sms", "13900000007", "【叫应】…");
}
