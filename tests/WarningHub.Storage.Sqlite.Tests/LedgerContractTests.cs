using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;
using WarningHub.Core.Planning;

namespace WarningHub.Storage.Sqlite.Tests;

/// <summary>
/// What every ledger must do. The SQLite ledger runs it here; a Redis ledger derives from it and runs the same.
/// </summary>
public abstract class LedgerContractTests : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 7, 15, 2, 30, 0, TimeSpan.Zero));

    protected ILedger Ledger { get; private set; } = null!;

    protected ILedgerMaintenance Maintenance { get; private set; } = null!;

    protected abstract Task<(ILedger Ledger, ILedgerMaintenance Maintenance)> CreateAsync();

    /// <summary>Reopens the same storage, as after a process restart.</summary>
    protected abstract Task<(ILedger Ledger, ILedgerMaintenance Maintenance)> ReopenAsync();

    public async Task InitializeAsync() => (Ledger, Maintenance) = await CreateAsync();

    public abstract Task DisposeAsync();

    protected static WarningPlan PlanOf(long warningId, int slots, int shardSize = 1000) =>
        new(warningId, [new VillageTarget(511124001001, slots + 7, 7)],
            [new ChannelPlan("sms", Enumerable.Range(0, slots).Select(i => new PlannedSlot($"1380000{i:D4}", 511124001001, 1)).ToList(), shardSize)]);

    [Fact]
    public async Task PersistPlan_LeadsWithASmallShard_ThenCutsShardsOfAtLeastTheShardSize_AndKeepsEverySlot()
    {
        var shards = await Ledger.PersistPlanAsync(PlanOf(1, 2999), null, default);

        Assert.Equal(3, shards.Count);
        Assert.Equal(ChannelPlan.LeadShardSize, shards[0].Count);
        Assert.All(shards.Skip(1), s => Assert.True(s.Count >= 1000));
        Assert.Equal(2999, shards.Sum(s => s.Count));
        var counts = await Maintenance.CountAsync(1, "sms", default);
        Assert.Equal(2999, counts[DeliveryStatus.Planned]);
    }

    [Fact]
    public async Task Rehearse_KeepsNothing_AndARealPlanAfterItStartsAtTheFirstIds()
    {
        await Maintenance.RehearseAsync(default);
        await Maintenance.RehearseAsync(default);

        Assert.Equal(0, (await Maintenance.CountAsync(0, null, default)).Total);
        Assert.Empty(await Maintenance.UnfinishedShardsAsync(default));
        Assert.Empty(await Maintenance.ChannelsOfAsync(0, default));
        var shards = await Ledger.PersistPlanAsync(PlanOf(1, 1000), null, default);
        Assert.Equal(1, shards[0].Id);
        Assert.Equal(1, shards[0].FirstSlot);
    }

    [Fact]
    public async Task PersistPlan_Again_SkipsShardsThatExist()
    {
        var first = await Ledger.PersistPlanAsync(PlanOf(1, 2500), null, default);
        var persisted = new List<ShardInfo>();

        var second = await Ledger.PersistPlanAsync(PlanOf(1, 2500), s => { persisted.Add(s); return ValueTask.CompletedTask; }, default);

        Assert.Empty(persisted);
        Assert.Equal(first.Select(s => s.Id), second.Select(s => s.Id));
        Assert.Equal(2500, (await Maintenance.CountAsync(1, null, default)).Total);
    }

    [Fact]
    public async Task Claim_MovesDueSlotsToSending_AndNeverHandsASlotOutTwice()
    {
        var shard = (await Ledger.PersistPlanAsync(PlanOf(1, 1500, shardSize: 1500), null, default))[0];

        var a = await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 1000, default);
        var b = await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 1000, default);

        Assert.Equal(1000, a.Count);
        Assert.Equal(500, b.Count);
        Assert.Empty(a.Select(s => s.Id).Intersect(b.Select(s => s.Id)));
        Assert.All(a.Concat(b), s => Assert.Equal(1, s.Attempts));
        Assert.Empty(await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 1000, default));
    }

    [Fact]
    public async Task Outcomes_FollowTheStateMachine_ASentSlotCannotBeQueuedAgain()
    {
        var shard = (await Ledger.PersistPlanAsync(PlanOf(1, 1000), null, default))[0];
        var slot = (await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 1, default))[0];

        await Ledger.RecordOutcomesAsync([new SlotOutcome(slot.Id, DeliveryStatus.Sent, "gw", ["m1"])], default);
        await Ledger.RecordOutcomesAsync([new SlotOutcome(slot.Id, DeliveryStatus.Queued, NextAttemptAt: Time.GetUtcNow())], default);

        var counts = await Maintenance.CountAsync(1, "sms", default);
        Assert.Equal(1, counts[DeliveryStatus.Sent]);
        Assert.Equal(0, counts[DeliveryStatus.Queued]);
    }

    [Fact]
    public async Task Retry_QueuedSlotIsNotClaimedBeforeItsTime()
    {
        var shard = (await Ledger.PersistPlanAsync(PlanOf(1, 1000), null, default))[0];
        var slot = (await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 1, default))[0];
        await Ledger.RecordOutcomesAsync([new SlotOutcome(slot.Id, DeliveryStatus.Queued, Error: "throttled", NextAttemptAt: Time.GetUtcNow().AddSeconds(30))], default);
        await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 5000, default);

        Assert.Empty(await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 10, default));
        Assert.Equal(Time.GetUtcNow().AddSeconds(30), await Maintenance.NextDueAsync(shard, default));
        Time.Advance(TimeSpan.FromSeconds(30));
        var again = Assert.Single(await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 10, default));
        Assert.Equal(slot.Id, again.Id);
        Assert.Equal(2, again.Attempts);
    }

    [Fact]
    public async Task Receipts_AMultipartMessageIsDeliveredOnlyWhenEveryPartIs()
    {
        var shard = (await Ledger.PersistPlanAsync(PlanOf(1, 1000), null, default))[0];
        var slot = (await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 1, default))[0];
        await Ledger.RecordOutcomesAsync([new SlotOutcome(slot.Id, DeliveryStatus.Sent, "gw", ["p1", "p2"])], default);

        await Ledger.ApplyReceiptsAsync("gw", [Delivered("p1")], default);
        Assert.Equal(1, (await Maintenance.CountAsync(1, "sms", default))[DeliveryStatus.Sent]);
        await Ledger.ApplyReceiptsAsync("gw", [Delivered("p1")], default); // repeated receipt: counts once
        Assert.Equal(1, (await Maintenance.CountAsync(1, "sms", default))[DeliveryStatus.Sent]);
        await Ledger.ApplyReceiptsAsync("gw", [Delivered("p2")], default);

        Assert.Equal(1, (await Maintenance.CountAsync(1, "sms", default))[DeliveryStatus.Delivered]);
    }

    [Fact]
    public async Task Receipts_AFailedPartFailsTheSlot_AndAnUnknownIdComesBackUnmatched()
    {
        var shard = (await Ledger.PersistPlanAsync(PlanOf(1, 1000), null, default))[0];
        var slot = (await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 1, default))[0];
        await Ledger.RecordOutcomesAsync([new SlotOutcome(slot.Id, DeliveryStatus.Sent, "gw", ["p1"])], default);

        var unmatched = await Ledger.ApplyReceiptsAsync("gw",
            [new Receipt("p1", DeliveryStatus.Failed, "UNDELIV", Time.GetUtcNow()), Delivered("nobody-knows"), Delivered("p1")], default);

        Assert.Equal("nobody-knows", Assert.Single(unmatched).ProviderMessageId);
        var counts = await Maintenance.CountAsync(1, "sms", default);
        Assert.Equal(1, counts[DeliveryStatus.Failed]);
        Assert.Equal(1, counts.FailedAfterAcceptance);
        Assert.Equal(0, counts[DeliveryStatus.Delivered]);
    }

    [Fact]
    public async Task Receipts_BeforeTheirSendsOutcome_AreKeptAndSettleTheSlotWhenTheOutcomeIsRecorded()
    {
        var shard = (await Ledger.PersistPlanAsync(PlanOf(1, 1000), null, default))[0];
        var slots = await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 3, default);

        // The SMSC's receipts overtake the submit answers: nothing knows ids "e1", "e2" yet.
        var early = await Ledger.ApplyReceiptsAsync("gw",
            [Delivered("e1"), new Receipt("e2", DeliveryStatus.Failed, "UNDELIV", Time.GetUtcNow()), Delivered("e3")], default);
        Assert.Equal(3, early.Count);
        await Ledger.RecordOutcomesAsync(
        [
            new SlotOutcome(slots[0].Id, DeliveryStatus.Sent, "gw", ["e1"]),
            new SlotOutcome(slots[1].Id, DeliveryStatus.Sent, "gw", ["e2"]),
            new SlotOutcome(slots[2].Id, DeliveryStatus.Sent, "other-gw", ["e3"]), // another source's id: not its receipt
        ], default);

        var counts = await Maintenance.CountAsync(1, "sms", default);
        Assert.Equal((1, 1, 1), (counts[DeliveryStatus.Delivered], counts[DeliveryStatus.Failed], counts[DeliveryStatus.Sent]));
        // Taken once: the kept receipt of "e1" is gone, and only "e3" is left to drop.
        Assert.Equal(1, await Maintenance.DropEarlyReceiptsAsync(Time.GetUtcNow() + TimeSpan.FromSeconds(1), default));
    }

    [Fact]
    public async Task Receipts_CarriedByTheirOutcome_SettleTheSlotInTheSameWrite_WhateverTheyAndThePartsSay()
    {
        var shard = (await Ledger.PersistPlanAsync(PlanOf(1, 1000), null, default))[0];
        var slots = await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 4, default);
        var failed = new Receipt("c3", DeliveryStatus.Failed, "UNDELIV", Time.GetUtcNow());

        await Ledger.RecordOutcomesAsync(
        [
            new SlotOutcome(slots[0].Id, DeliveryStatus.Sent, "gw", ["c1"], Receipts: [Delivered("c1")]),
            new SlotOutcome(slots[1].Id, DeliveryStatus.Sent, "gw", ["c2a", "c2b"], Receipts: [Delivered("c2a")]), // one part heard of
            new SlotOutcome(slots[2].Id, DeliveryStatus.Sent, "gw", ["c3"], Receipts: [failed]),
            new SlotOutcome(slots[3].Id, DeliveryStatus.Sent, "gw", ["c4a", "c4b"], Receipts: [Delivered("c4b"), Delivered("c4a")]),
        ], default);

        var counts = await Maintenance.CountAsync(1, "sms", default);
        Assert.Equal((2, 1, 1), (counts[DeliveryStatus.Delivered], counts[DeliveryStatus.Sent], counts[DeliveryStatus.Failed]));
        Assert.Equal(1, counts.FailedAfterAcceptance);
        // Settled parts stay settled: repeats change nothing and are not unknown ids; the missing part completes its slot.
        var unmatched = await Ledger.ApplyReceiptsAsync("gw", [Delivered("c1"), Delivered("c3"), Delivered("c4a"), Delivered("c2b")], default);
        Assert.Empty(unmatched);
        counts = await Maintenance.CountAsync(1, "sms", default);
        Assert.Equal((3, 0, 1), (counts[DeliveryStatus.Delivered], counts[DeliveryStatus.Sent], counts[DeliveryStatus.Failed]));
        Assert.Equal(0, await Maintenance.DropEarlyReceiptsAsync(Time.GetUtcNow() + TimeSpan.FromSeconds(1), default));
    }

    [Fact]
    public async Task Receipts_KeptPastTheirTime_AreDropped_AndALaterOutcomeStaysSent()
    {
        var shard = (await Ledger.PersistPlanAsync(PlanOf(1, 1000), null, default))[0];
        var slot = (await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 1, default))[0];
        await Ledger.ApplyReceiptsAsync("gw", [Delivered("late")], default);
        Time.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(0, await Maintenance.DropEarlyReceiptsAsync(Time.GetUtcNow() - TimeSpan.FromMinutes(20), default));
        Assert.Equal(1, await Maintenance.DropEarlyReceiptsAsync(Time.GetUtcNow() - TimeSpan.FromMinutes(10), default));
        await Ledger.RecordOutcomesAsync([new SlotOutcome(slot.Id, DeliveryStatus.Sent, "gw", ["late"])], default);

        Assert.Equal(1, (await Maintenance.CountAsync(1, "sms", default))[DeliveryStatus.Sent]);
    }

    [Fact]
    public async Task Receipts_AreMatchedPerSource_SameIdFromAnotherGatewayIsUnknown()
    {
        var shard = (await Ledger.PersistPlanAsync(PlanOf(1, 1000), null, default))[0];
        var slot = (await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 1, default))[0];
        await Ledger.RecordOutcomesAsync([new SlotOutcome(slot.Id, DeliveryStatus.Sent, "gw-a", ["42"])], default);

        var unmatched = await Ledger.ApplyReceiptsAsync("gw-b", [Delivered("42")], default);

        Assert.Single(unmatched);
        Assert.Equal(1, (await Maintenance.CountAsync(1, "sms", default))[DeliveryStatus.Sent]);
    }

    [Fact]
    public async Task EndWarning_EndsOnlySlotsThatHaveNotLeft()
    {
        var shard = (await Ledger.PersistPlanAsync(PlanOf(1, 1000), null, default))[0];
        var claimed = await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 3, default);
        await Ledger.RecordOutcomesAsync([new SlotOutcome(claimed[0].Id, DeliveryStatus.Sent, "gw", ["m"])], default);

        var ended = await Ledger.EndWarningAsync(1, DeliveryStatus.Cancelled, default);

        Assert.Equal(997, ended);
        var counts = await Maintenance.CountAsync(1, "sms", default);
        Assert.Equal(997, counts[DeliveryStatus.Cancelled]);
        Assert.Equal(1, counts[DeliveryStatus.Sent]);
        Assert.Equal(2, counts[DeliveryStatus.Sending]); // in a job's hands: the job records them
    }

    [Fact]
    public async Task Restart_OnlySlotsMarkedWrittenArePossiblyDuplicated_AllAreQueuedAgain()
    {
        var shard = (await Ledger.PersistPlanAsync(PlanOf(1, 1000), null, default))[0];
        var claimed = await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 10, default);
        await Ledger.MarkWrittenAsync(claimed.Take(3).Select(s => s.Id).ToList(), default);

        (Ledger, Maintenance) = await ReopenAsync();
        var recovered = await Maintenance.RecoverInFlightAsync(Time.GetUtcNow(), default);

        Assert.Equal(new InFlightRecovery(10, 3), recovered);
        var counts = await Maintenance.CountAsync(1, "sms", default);
        Assert.Equal(3, counts.PossiblyDuplicated);
        Assert.Equal(10, counts[DeliveryStatus.Queued]);
        // The seven that never left got their attempt back: claimed again, they are on their first attempt.
        var again = await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 10, default);
        Assert.Equal(7, again.Count(s => s.Attempts == 1));
        Assert.Contains(await Maintenance.UnfinishedShardsAsync(default), s => s.Id == shard.Id);
    }

    [Fact]
    public async Task ReceiptWindow_SentWithoutReceiptBecomesUnconfirmed()
    {
        var shard = (await Ledger.PersistPlanAsync(PlanOf(1, 1000), null, default))[0];
        var slot = (await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 1, default))[0];
        await Ledger.RecordOutcomesAsync([new SlotOutcome(slot.Id, DeliveryStatus.Sent, "gw", ["m"])], default);
        Time.Advance(TimeSpan.FromMinutes(31));

        var closed = await Maintenance.CloseReceiptWaitsAsync(Time.GetUtcNow() - TimeSpan.FromMinutes(30), default);

        Assert.Equal(1, closed);
        Assert.Equal(1, (await Maintenance.CountAsync(1, "sms", default))[DeliveryStatus.Unconfirmed]);
        await Ledger.ApplyReceiptsAsync("gw", [Delivered("m")], default); // too late: final stays final
        Assert.Equal(0, (await Maintenance.CountAsync(1, "sms", default))[DeliveryStatus.Delivered]);
    }

    [Fact]
    public async Task ReceiptWindow_PerChannel_ClosesEachChannelAtItsOwnWindow()
    {
        var plan = new WarningPlan(1, [new VillageTarget(511124001001, 3, 0)],
        [
            new ChannelPlan("sms", [new PlannedSlot("13800000001", 511124001001, 1)], 1000),
            new ChannelPlan("wechat", [new PlannedSlot("openid-1", 511124001001, 1)], 1000),
            new ChannelPlan("tv", [new PlannedSlot("cctv", 511124001001, 1)], 1000),
        ]);
        var shards = await Ledger.PersistPlanAsync(plan, null, default);
        var sent = new List<SlotOutcome>();
        foreach (var shard in shards)
        {
            var slot = Assert.Single(await Ledger.ClaimAsync(shard, Time.GetUtcNow(), 1, default));
            sent.Add(new SlotOutcome(slot.Id, DeliveryStatus.Sent, "gw", ["m" + slot.Id]));
        }
        await Ledger.RecordOutcomesAsync(sent, default);
        Time.Advance(TimeSpan.FromMinutes(11));
        var now = Time.GetUtcNow();
        // sms keeps the default 30 minutes, wechat has 10 and tv 60 of its own.
        var windows = new Dictionary<string, DateTimeOffset> { ["wechat"] = now - TimeSpan.FromMinutes(10), ["tv"] = now - TimeSpan.FromMinutes(60) };

        var first = await Maintenance.CloseReceiptWaitsAsync(now - TimeSpan.FromMinutes(30), windows, default);
        Time.Advance(TimeSpan.FromMinutes(20));
        now = Time.GetUtcNow();
        windows = new Dictionary<string, DateTimeOffset> { ["wechat"] = now - TimeSpan.FromMinutes(10), ["tv"] = now - TimeSpan.FromMinutes(60) };
        var second = await Maintenance.CloseReceiptWaitsAsync(now - TimeSpan.FromMinutes(30), windows, default);

        Assert.Equal(1, first);
        Assert.Equal(1, (await Maintenance.CountAsync(1, "wechat", default))[DeliveryStatus.Unconfirmed]);
        Assert.Equal(1, second);
        Assert.Equal(1, (await Maintenance.CountAsync(1, "sms", default))[DeliveryStatus.Unconfirmed]);
        Assert.Equal(0, (await Maintenance.CountAsync(1, "tv", default))[DeliveryStatus.Unconfirmed]);
        Assert.Equal(1, (await Maintenance.CountAsync(1, "tv", default))[DeliveryStatus.Sent]);
    }

    private Receipt Delivered(string id) => new(id, DeliveryStatus.Delivered, "DELIVRD", Time.GetUtcNow());
}

public sealed class SqliteLedgerTests : LedgerContractTests
{
    private readonly TempDatabase _db = new();

    protected override Task<(ILedger, ILedgerMaintenance)> CreateAsync()
    {
        var ledger = new SqliteLedger(_db.Database, Time);
        return Task.FromResult<(ILedger, ILedgerMaintenance)>((ledger, ledger));
    }

    protected override async Task<(ILedger, ILedgerMaintenance)> ReopenAsync()
    {
        await _db.ReopenAsync();
        return await CreateAsync();
    }

    public override async Task DisposeAsync() => await _db.DisposeAsync();
}
