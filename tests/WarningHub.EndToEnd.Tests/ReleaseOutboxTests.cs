using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;
using WarningHub.Core.Planning;
using WarningHub.Storage.Sqlite;

namespace WarningHub.EndToEnd.Tests;

/// <summary>Guarantee 1 through the release outbox: whatever got a 202 is released, or ends visibly Failed.</summary>
public sealed class ReleaseOutboxTests
{
    private static Dictionary<string, string?> Fast(int maxAttempts = 5) => new()
    {
        ["WarningHub:Engine:ReleaseSweepInterval"] = "00:00:00.200",
        ["WarningHub:Engine:MaxReleaseAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Release_ThatThrowsOnce_IsFinishedByTheSweep_WithoutARestart()
    {
        FailingLedger? ledger = null;
        await using var hub = await TestHub.StartAsync(settings: Fast(), configure: b => b.Services.AddSingleton<ILedger>(sp =>
            ledger = new FailingLedger(sp.GetRequiredService<SqliteLedger>(), failures: 1)));

        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var done = await hub.WaitAllFinalAsync(id);

        Assert.Equal(1, ledger!.Thrown);
        Assert.Equal("Released", done.GetProperty("state").GetString());
        Assert.True(TestHub.Sms(done, "sent") > 0);
    }

    [Fact]
    public async Task Release_ThatKeepsFailing_EndsFailedWithTheReason_AndHealthSaysDegraded()
    {
        await using var hub = await TestHub.StartAsync(settings: Fast(maxAttempts: 2), configure: b => b.Services.AddSingleton<ILedger>(sp =>
            new FailingLedger(sp.GetRequiredService<SqliteLedger>(), failures: int.MaxValue)));

        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var failed = await TestHub.WaitForAsync(hub.Http, id, w => w.GetProperty("state").GetString() == "Failed", TimeSpan.FromSeconds(30));

        Assert.Contains("disk is full", failed.GetProperty("failure").GetString(), StringComparison.Ordinal);
        var health = await hub.Http.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        var problem = Assert.Single(health.GetProperty("problems").EnumerateArray(), p => p.GetProperty("kind").GetString() == "release");
        Assert.Equal(id, problem.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Health_OfAHubWithNothingWrong_IsOk()
    {
        await using var hub = await TestHub.StartAsync(settings: Fast());

        var health = await hub.Http.GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Empty(health.GetProperty("problems").EnumerateArray());
    }

    /// <summary>The real ledger, except that planning throws the first <c>failures</c> times.</summary>
    private sealed class FailingLedger(SqliteLedger inner, int failures) : ILedger
    {
        private int _thrown;

        public int Thrown => Volatile.Read(ref _thrown);

        public Task<IReadOnlyList<ShardInfo>> PersistPlanAsync(WarningPlan plan, Func<ShardInfo, ValueTask>? onShardPersisted, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _thrown) <= failures) throw new IOException("disk is full");
            Interlocked.Decrement(ref _thrown);
            return inner.PersistPlanAsync(plan, onShardPersisted, cancellationToken);
        }

        public Task<IReadOnlyList<LedgerSlot>> ClaimAsync(ShardInfo shard, DateTimeOffset now, int max, CancellationToken cancellationToken) =>
            inner.ClaimAsync(shard, now, max, cancellationToken);

        public Task RecordOutcomesAsync(IReadOnlyList<SlotOutcome> outcomes, CancellationToken cancellationToken) =>
            inner.RecordOutcomesAsync(outcomes, cancellationToken);

        public Task<IReadOnlyList<Receipt>> ApplyReceiptsAsync(string source, IReadOnlyList<Receipt> receipts, CancellationToken cancellationToken) =>
            inner.ApplyReceiptsAsync(source, receipts, cancellationToken);

        public Task MarkWrittenAsync(IReadOnlyList<long> slotIds, CancellationToken cancellationToken) =>
            inner.MarkWrittenAsync(slotIds, cancellationToken);

        public Task<int> EndWarningAsync(long warningId, DeliveryStatus finalState, CancellationToken cancellationToken) =>
            inner.EndWarningAsync(warningId, finalState, cancellationToken);

        public Task<int> InHandsAsync(IReadOnlyCollection<long> warningIds, CancellationToken cancellationToken) =>
            inner.InHandsAsync(warningIds, cancellationToken);

        public Task<IReadOnlyList<ShardInfo>> PersistFollowUpAsync(long followUpId, IReadOnlyCollection<long> earlierIds, IReadOnlyCollection<string> channels,
            int shardSize, CancellationToken cancellationToken) =>
            inner.PersistFollowUpAsync(followUpId, earlierIds, channels, shardSize, cancellationToken);
    }
}
