using Microsoft.Extensions.DependencyInjection;
using WarningHub.Abstractions;
using WarningHub.Engine.Sending;

namespace WarningHub.Engine.Tests.Time;

/// <summary>Retry rounds keep the engine's time: a throttled slot goes again after its back-off, and not before.</summary>
public sealed class RetryTests
{
    [Fact]
    public async Task ThrottledSlots_AreSentAgainWhenTheirBackOffHasPassed_OnTheEnginesClock()
    {
        await using var engine = await FakeTimeEngine.StartAsync(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromMinutes(1);
            o.RetryMaxDelay = TimeSpan.FromMinutes(4);
        });
        engine.Gateway.ThrottleFirstAttempts = true;
        var queue = engine.Host.Services.GetRequiredService<ShardQueue>();

        var warning = await engine.SubmitAsync(engine.Alert());
        var total = 0;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var c = await engine.CountsAsync(warning.Id);
            total = c.Total;
            return total > 0 && c[DeliveryStatus.Queued] == total && queue.Waiting > 0;
        }, TimeSpan.FromSeconds(20)), "the throttled slots did not wait for a retry round");
        Assert.Empty(engine.Gateway.Sent);

        // The back-off is at least half of a minute (jitter), at most four. Before it, no round is due: the waits
        // are timers on the engine's clock, which fire inside Advance, so none having fired is seen at once.
        var waiting = queue.Waiting;
        engine.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(waiting, queue.Waiting);
        engine.Time.Advance(TimeSpan.FromMinutes(4));

        var counts = await engine.WaitForHandedOverAsync(warning.Id);
        Assert.Equal(total, counts[DeliveryStatus.Sent]);
        Assert.Equal(total, engine.Gateway.Sent.Count);
        Assert.All(engine.Gateway.Sent, s => Assert.True(s.At > FakeTimeEngine.Start, "a retry left before its back-off"));
    }
}
