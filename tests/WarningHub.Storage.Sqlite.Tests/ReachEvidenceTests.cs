using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;
using WarningHub.Core.Planning;
using WarningHub.Core.Reach;

namespace WarningHub.Storage.Sqlite.Tests;

/// <summary>Evidence of reach per address over every round, and officers' marks, as the SQLite ledger keeps them.</summary>
public sealed class ReachEvidenceTests : IAsyncLifetime
{
    private const long Village = 511124001001;
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 7, 15, 2, 30, 0, TimeSpan.Zero));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Evidence_TakesTheBestOfEveryRound_AndAVillageReadsOnlyItsOwnAddresses()
    {
        var ledger = new SqliteLedger(_db.Database, _time);
        var query = new SqliteReachQuery(_db.Database);
        await SendAsync(ledger, Plan(0, "13800000001", "13800000002", "13800000003"), ("13800000001", false), ("13800000002", true));
        var first = await query.AddressesAsync(1, Channels.Sms, default);
        Assert.Same(first, await query.AddressesAsync(1, Channels.Sms, default));

        _time.Advance(TimeSpan.FromMinutes(1));
        await SendAsync(ledger, Plan(1, "13800000001", "13800000002"), ("13800000001", true));
        var book = await query.AddressesAsync(1, Channels.Sms, default);
        Assert.NotSame(first, book);
        Assert.Equal(3, book.Count);

        var all = await query.EvidenceAsync(book, null, default);
        var a = book.OrdinalOf("13800000001");
        Assert.Equal(SlotEvidence.Delivered, all.Of(a));
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), all.DeliveredAtMs[a]);
        Assert.Equal(SlotEvidence.Delivered, all.Of(book.OrdinalOf("13800000002")));
        Assert.Equal(SlotEvidence.Pending, all.Of(book.OrdinalOf("13800000003")));

        var some = await query.EvidenceAsync(book, [book.OrdinalOf("13800000003")], default);
        Assert.Equal((SlotEvidence.None, SlotEvidence.Pending), (some.Of(a), some.Of(book.OrdinalOf("13800000003"))));
        Assert.Equal(0, (await query.AddressesAsync(1, Channels.WeChat, default)).Count);
    }

    [Fact]
    public async Task Evidence_ReadAgain_SeesReceiptsThatCameSince_ForTheWholeWarningAndForOneVillage()
    {
        var ledger = new SqliteLedger(_db.Database, _time);
        var query = new SqliteReachQuery(_db.Database);
        var shard = (await ledger.PersistPlanAsync(Plan(0, "13800000001", "13800000002"), null, default))[0];
        var claimed = await ledger.ClaimAsync(shard, _time.GetUtcNow(), 10, default);
        await ledger.RecordOutcomesAsync([.. claimed.Select(s => new SlotOutcome(s.Id, DeliveryStatus.Sent, "gw", [$"m{s.Address}"]))], default);
        await ledger.ApplyReceiptsAsync("gw", [new Receipt("m13800000001", DeliveryStatus.Delivered, "DELIVRD", _time.GetUtcNow())], default);
        var book = await query.AddressesAsync(1, Channels.Sms, default);
        var b = book.OrdinalOf("13800000002");
        Assert.Equal(SlotEvidence.Pending, (await query.EvidenceAsync(book, null, default)).Of(b));
        var counts = Assert.Single((await query.EvidenceAsync(book, null, default)).FirstRoundCounts!);
        Assert.Equal((2, 1, 1), (counts.Sent, counts.Delivered, counts.Pending));

        _time.Advance(TimeSpan.FromSeconds(30));
        await ledger.ApplyReceiptsAsync("gw", [new Receipt("m13800000002", DeliveryStatus.Failed, "UNDELIV", _time.GetUtcNow())], default);

        Assert.Equal(SlotEvidence.Failed, (await query.EvidenceAsync(book, null, default)).Of(b));
        Assert.Equal(SlotEvidence.Failed, (await query.EvidenceAsync(book, [b], default)).Of(b));
        counts = Assert.Single((await query.EvidenceAsync(book, null, default)).FirstRoundCounts!);
        Assert.Equal((2, 1, 1, 0), (counts.Sent, counts.Delivered, counts.Failed, counts.Pending));
    }

    [Fact]
    public async Task Marks_AreAppended_NeverReplaced_AndReadPerVillage()
    {
        var marks = new SqliteHouseholdMarks(_db.Database);
        var at = _time.GetUtcNow();
        await marks.RecordAsync(new HouseholdMark(1, Village, 42, HouseholdMarkKind.NobodyHome, 7, "张三", at), default);
        await marks.RecordAsync(new HouseholdMark(1, Village, 42, HouseholdMarkKind.ToldInPerson, 8, "李四", at.AddMinutes(5)), default);
        await marks.RecordAsync(new HouseholdMark(1, Village + 1, 43, HouseholdMarkKind.Evacuated, 9, "王五", at.AddMinutes(6)), default);
        await _db.ReopenAsync();
        marks = new SqliteHouseholdMarks(_db.Database);

        var village = await marks.OfWarningAsync(1, Village, default);
        Assert.Equal([(HouseholdMarkKind.NobodyHome, "张三"), (HouseholdMarkKind.ToldInPerson, "李四")], village.Select(m => (m.Kind, m.OfficerName)));
        Assert.Equal(at.AddMinutes(5), village[1].At);
        Assert.Equal(3, (await marks.OfWarningAsync(1, null, default)).Count);
        Assert.Empty(await marks.OfWarningAsync(2, null, default));
    }

    private static WarningPlan Plan(int round, params string[] phones) =>
        new(1, round == 0 ? [new VillageTarget(Village, phones.Length, 0)] : [],
            [new ChannelPlan(Channels.Sms, phones.Select(p => new PlannedSlot(p, Village, 1)).ToList(), 1000) { Round = round }]);

    /// <summary>Persists a round, sends the given addresses and applies a receipt for each (true: delivered).</summary>
    private async Task SendAsync(SqliteLedger ledger, WarningPlan plan, params (string Address, bool Delivered)[] sends)
    {
        var shard = (await ledger.PersistPlanAsync(plan, null, default))[0];
        var claimed = await ledger.ClaimAsync(shard, _time.GetUtcNow(), 100, default);
        var sent = claimed.Where(s => sends.Any(x => x.Address == s.Address)).ToList();
        await ledger.RecordOutcomesAsync([.. sent.Select(s => new SlotOutcome(s.Id, DeliveryStatus.Sent, "gw", [$"m{s.Id}"]))], default);
        await ledger.RecordOutcomesAsync([.. claimed.Except(sent).Select(s => new SlotOutcome(s.Id, DeliveryStatus.Queued, NextAttemptAt: _time.GetUtcNow().AddHours(1)))], default);
        await ledger.ApplyReceiptsAsync("gw", [.. sent.Select(s => new Receipt($"m{s.Id}",
            sends.First(x => x.Address == s.Address).Delivered ? DeliveryStatus.Delivered : DeliveryStatus.Failed, "x", _time.GetUtcNow()))], default);
    }
}
