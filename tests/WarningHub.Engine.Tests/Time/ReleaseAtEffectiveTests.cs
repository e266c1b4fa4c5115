using WarningHub.Core.Warnings;

namespace WarningHub.Engine.Tests.Time;

/// <summary>Quartz releases a warning at its <c>effective</c> time, on the engine's clock: fake time, no waiting.</summary>
public sealed class ReleaseAtEffectiveTests
{
    [Fact]
    public async Task Warning_EffectiveLater_IsHeldUntilEffective_ThenEverySlotLeavesAtOrAfterIt()
    {
        await using var engine = await FakeTimeEngine.StartAsync();
        var alert = engine.Alert(effectiveIn: TimeSpan.FromMinutes(10));
        var effective = alert.Infos[0].Effective!.Value;

        var warning = await engine.SubmitAsync(alert);
        await engine.WaitForTriggerAsync(warning.Id, "release");
        // A second before effective, a whole sweep of the outbox finds nothing due.
        engine.AdvanceTo(effective - TimeSpan.FromSeconds(1));
        await engine.Outbox.SweepAsync(default);

        Assert.Equal(WarningState.Accepted, (await engine.WarningAsync(warning.Id)).State);
        Assert.Equal(0, (await engine.CountsAsync(warning.Id)).Total);
        Assert.Empty(engine.Gateway.Sent);

        engine.AdvanceTo(effective);
        await engine.WaitForStateAsync(warning.Id, WarningState.Released);
        var counts = await engine.WaitForHandedOverAsync(warning.Id);

        var released = await engine.WarningAsync(warning.Id);
        Assert.True(released.ReleasedAt >= effective, $"released at {released.ReleasedAt:O}, effective {effective:O}");
        Assert.Equal(counts.Total, counts[Abstractions.DeliveryStatus.Sent]);
        Assert.Equal(counts.Total, engine.Gateway.Sent.Count);
        Assert.All(engine.Gateway.Sent, s => Assert.True(s.At >= effective, $"sent at {s.At:O}, before effective {effective:O}"));
    }

    [Fact]
    public async Task Warning_AlreadyEffective_IsReleasedWithoutAnyTimePassing()
    {
        await using var engine = await FakeTimeEngine.StartAsync();
        var start = engine.Time.GetUtcNow();

        var warning = await engine.SubmitAsync(engine.Alert());
        await engine.WaitForStateAsync(warning.Id, WarningState.Released);
        var counts = await engine.WaitForHandedOverAsync(warning.Id);

        Assert.Equal(start, engine.Time.GetUtcNow());
        Assert.Equal(counts.Total, engine.Gateway.Sent.Count);
        Assert.False(await engine.HasTriggerAsync(warning.Id, "release"));
    }
}
