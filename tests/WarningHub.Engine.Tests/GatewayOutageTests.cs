using WarningHub.Abstractions;

namespace WarningHub.Engine.Tests;

/// <summary>Guarantee 9: an outage never costs a warning. Fake time throughout: a ten-minute outage takes milliseconds.</summary>
public sealed class GatewayOutageTests
{
    [Fact]
    public async Task Run_WhileTheGatewayIsDown_ClaimsNothing_AndTheShardWaitsVisibly()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 7, 15, 0, 0, 0, TimeSpan.Zero));
        var gateway = new ScriptedGateway((m, n) => DeliveryResult.Accepted(["g" + m.Reference]), time);
        await using var g = new EngineHarness(gateway, time);
        var (warning, shards) = await g.ReleasedWarningAsync(1000);
        gateway.Down("check SystemId and Password of gateway fake:sms");

        await g.Job.RunAsync(shards[0].Id, default);

        Assert.Equal(0, gateway.Sends);
        var counts = await g.CountsAsync(warning.Id);
        Assert.Equal(1000, counts.Total - counts.Final);
        var wait = Assert.Single(g.Waits.Current);
        Assert.Equal(("fake:sms", 1), (wait.Gateway, wait.Shards));
        Assert.Contains("SystemId and Password", wait.Problem, StringComparison.Ordinal);
        Assert.Equal([warning.Id], wait.Warnings);
    }

    [Fact]
    public async Task Outage_OfTenMinutes_SpendsNoAttempt_AndEverySlotIsSentOnceWhenTheGatewayReturns()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 7, 15, 0, 0, 0, TimeSpan.Zero));
        var gateway = new ScriptedGateway((m, n) => DeliveryResult.Accepted(["g" + m.Reference]), time);
        await using var h = new EngineHarness(gateway, time);
        var (warning, shards) = await h.ReleasedWarningAsync(1000);
        gateway.Down("connection refused");

        // Every second of a ten-minute outage the shard is offered again, as the waits' timer would.
        for (var second = 0; second < 600; second++)
        {
            await h.Job.RunAsync(shards[0].Id, default);
            Assert.Equal(0, h.Waits.Release());
            time.Advance(TimeSpan.FromSeconds(1));
        }
        gateway.Up();
        Assert.Equal(1, h.Waits.Release());
        await h.Job.RunAsync(shards[0].Id, default);

        var counts = await h.CountsAsync(warning.Id);
        Assert.Equal(1000, counts[DeliveryStatus.Sent]);
        Assert.Equal(0, counts[DeliveryStatus.Failed]);
        Assert.Equal(1000, gateway.Sends);
        Assert.Equal(1000, gateway.Sent.Select(m => m.Reference).Distinct().Count());
        Assert.Empty(h.Waits.Current);
    }

    [Fact]
    public async Task Send_AnsweredUnavailable_GivesTheAttemptBack_SoRepeatedDropsNeverFailASlot()
    {
        // MaxAttempts is 3 in the harness: five rounds of "no bind" answers would fail every slot if they counted.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 7, 15, 0, 0, 0, TimeSpan.Zero));
        var round = 0;
        var sender = new ScriptedSender((m, n) => round < 5 ? DeliveryResult.Unavailable("No SMPP bind is up") : DeliveryResult.Accepted(["u" + m.Reference]));
        await using var h = new EngineHarness(sender, time);
        var (warning, shards) = await h.ReleasedWarningAsync(1000);

        for (; round < 6; round++)
        {
            await h.Job.RunAsync(shards[0].Id, default);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var counts = await h.CountsAsync(warning.Id);
        Assert.Equal(1000, counts[DeliveryStatus.Sent]);
        Assert.Equal(0, counts.PossiblyDuplicated);
    }

    [Fact]
    public async Task Outage_ThatOutlastsTheWarning_EndsEverySlotExpired_AndTheWaitGoesWithIt()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 7, 15, 0, 0, 0, TimeSpan.Zero));
        var gateway = new ScriptedGateway((m, n) => DeliveryResult.Accepted(["x" + m.Reference]), time);
        await using var h = new EngineHarness(gateway, time);
        var (warning, shards) = await h.ReleasedWarningAsync(1000, expiresIn: TimeSpan.FromMinutes(3));
        gateway.Down("connection refused");
        await h.Job.RunAsync(shards[0].Id, default);

        time.Advance(TimeSpan.FromMinutes(4));
        gateway.Up();
        Assert.Equal(1, h.Waits.Release());
        await h.Job.RunAsync(shards[0].Id, default);

        Assert.Equal(0, gateway.Sends);
        Assert.Equal(1000, (await h.CountsAsync(warning.Id))[DeliveryStatus.Expired]);
    }
}
