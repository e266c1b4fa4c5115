using WarningHub.Abstractions;

namespace WarningHub.Engine.Tests;

public sealed class ShardJobTests
{
    [Fact]
    public async Task Run_WhenTheGatewayAcceptsEverything_EverySlotIsSentOnceWithItsMessageId()
    {
        var sender = new ScriptedSender((m, n) => DeliveryResult.Accepted([$"id-{m.Reference}"]));
        await using var h = new EngineHarness(sender);
        var (warning, shards) = await h.ReleasedWarningAsync(1200);

        foreach (var shard in shards) await h.Job.RunAsync(shard.Id, default);

        var counts = await h.CountsAsync(warning.Id);
        Assert.Equal(1200, counts[DeliveryStatus.Sent]);
        Assert.Equal(1200, sender.Sends);
        Assert.Equal(1200, sender.Sent.Select(m => m.Reference).Distinct().Count());
        Assert.All(sender.Sent, m => Assert.StartsWith("【井研县应急管理局】", m.Text, StringComparison.Ordinal));
        Assert.Empty(h.Jobs.Created); // nothing left to retry
    }

    [Fact]
    public async Task Run_WhenTheGatewayFailsTemporarily_QueuesARetryRoundInsteadOfLosingTheSlot()
    {
        var sender = new ScriptedSender((m, n) => m.Address.EndsWith('7')
            ? DeliveryResult.Temporary("0x00000058", "throttled")
            : DeliveryResult.Accepted(["x" + m.Reference]));
        await using var h = new EngineHarness(sender);
        var (warning, shards) = await h.ReleasedWarningAsync(1000);

        await h.Job.RunAsync(shards[0].Id, default);

        var counts = await h.CountsAsync(warning.Id);
        Assert.Equal(100, counts[DeliveryStatus.Queued]);
        Assert.Equal(900, counts[DeliveryStatus.Sent]);
        // The retry round waits on the engine's clock, and is a Hangfire job once it is due.
        Assert.Empty(h.Jobs.Created);
        Assert.Equal(1, h.Queue.Waiting);
        var due = await h.Ledger.NextDueAsync(shards[0], default);
        h.Time.Advance(due!.Value - h.Time.GetUtcNow() - TimeSpan.FromMilliseconds(1));
        Assert.Empty(h.Jobs.Created);
        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        var retry = Assert.Single(h.Jobs.Created);
        Assert.Equal("Enqueued", retry.State.Name);
        Assert.Equal(0, h.Queue.Waiting);
    }

    [Fact]
    public async Task Run_PermanentFailuresAreFinal_AndUnknownOutcomesAreMarkedPossiblyDuplicated()
    {
        var sender = new ScriptedSender((m, n) => m.Address.EndsWith('1')
            ? DeliveryResult.Permanent("0x0000000B", "invalid destination")
            : m.Address.EndsWith('2') ? DeliveryResult.Unknown("connection lost after write") : DeliveryResult.Accepted(["y" + m.Reference]));
        await using var h = new EngineHarness(sender);
        var (warning, shards) = await h.ReleasedWarningAsync(1000);

        await h.Job.RunAsync(shards[0].Id, default);

        var counts = await h.CountsAsync(warning.Id);
        Assert.Equal(100, counts[DeliveryStatus.Failed]);
        Assert.Equal(100, counts[DeliveryStatus.Queued]);
        Assert.Equal(100, counts.PossiblyDuplicated);
    }

    [Fact]
    public async Task Run_RetriesRunOutAtMaxAttempts_AndTheSlotFails()
    {
        var sender = new ScriptedSender((m, n) => DeliveryResult.Temporary(null, "gateway down"));
        await using var h = new EngineHarness(sender);
        var (warning, shards) = await h.ReleasedWarningAsync(1000);

        for (var round = 0; round < 3; round++)
        {
            await h.Job.RunAsync(shards[0].Id, default);
            h.Time.Advance(TimeSpan.FromMinutes(10));
        }

        var counts = await h.CountsAsync(warning.Id);
        Assert.Equal(1000, counts[DeliveryStatus.Failed]);
        Assert.Equal(3000, sender.Sends);
    }

    [Fact]
    public async Task Run_WhenTheWarningIsCancelledMidShard_SendsNothingMoreAndCancelsTheRest()
    {
        EngineHarness? harness = null;
        long warningId = 0;
        var sender = new ScriptedSender((m, n) => DeliveryResult.Accepted(["z" + m.Reference]), maxInFlight: 1);
        sender.OnSend = n =>
        {
            if (n == 250) harness!.Lifecycle.CancelAsync(warningId, default).GetAwaiter().GetResult();
        };
        await using var h = harness = new EngineHarness(sender);
        var (warning, shards) = await h.ReleasedWarningAsync(1000);
        warningId = warning.Id;

        await h.Job.RunAsync(shards[0].Id, default);

        var counts = await h.CountsAsync(warning.Id);
        Assert.Equal(250, sender.Sends);
        Assert.Equal(250, counts[DeliveryStatus.Sent]);
        Assert.Equal(750, counts[DeliveryStatus.Cancelled]);
        Assert.Equal(1000, counts.Final + counts[DeliveryStatus.Sent]);
    }

    [Fact]
    public async Task Run_AfterExpiry_SendsNothingAndExpiresEveryPendingSlot()
    {
        var sender = new ScriptedSender((m, n) => DeliveryResult.Accepted(["e" + m.Reference]));
        await using var h = new EngineHarness(sender);
        var (warning, shards) = await h.ReleasedWarningAsync(1000, expiresIn: TimeSpan.FromMinutes(5));
        h.Time.Advance(TimeSpan.FromMinutes(5));

        await h.Job.RunAsync(shards[0].Id, default);

        Assert.Equal(0, sender.Sends);
        Assert.Equal(1000, (await h.CountsAsync(warning.Id))[DeliveryStatus.Expired]);
        Assert.Equal(Core.Warnings.WarningState.Expired, (await h.Warnings.GetByIdAsync(warning.Id, default))!.State);
    }
}
