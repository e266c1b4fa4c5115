using Microsoft.Extensions.Time.Testing;
using WarningHub.Channels.Sms.Common.Flow;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Gateway;

/// <summary>The gateway's rate limit and its reaction to Result 8, on a fake clock.</summary>
public class FlowTests
{
    [Fact]
    public void RateLimit_AllowsLimitSendsInAnySlidingSecond_AndNoMore()
    {
        var time = new FakeTimeProvider();
        using var limiter = new SendRateLimiter(3, time);

        Assert.True(limiter.TryAcquire(out _));
        time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.True(limiter.TryAcquire(out _));
        Assert.True(limiter.TryAcquire(out _));
        Assert.False(limiter.TryAcquire(out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(600), wait);

        time.Advance(wait);
        Assert.True(limiter.TryAcquire(out _));
        Assert.False(limiter.TryAcquire(out _));
    }

    [Fact]
    public void FlowControl_PausesTheGatewayAndHalvesTheRateReached_ThenRaisesItOnceQuiet()
    {
        var time = new FakeTimeProvider();
        using var limiter = new SendRateLimiter(100, time);
        var flow = new FlowControl(limiter, time, TimeSpan.FromMilliseconds(200));
        for (var i = 0; i < 40; i++) Assert.True(limiter.TryAcquire(out _));

        var pause = flow.OnFlowControl();

        Assert.Equal(TimeSpan.FromMilliseconds(200), pause);
        Assert.Equal(20, limiter.Limit);
        Assert.False(limiter.TryAcquire(out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(200), wait);

        flow.OnFlowControl(); // an answer to a SUBMIT already in flight: the same signal, no second cut
        Assert.Equal((1, 20), (flow.Cuts, limiter.Limit));

        time.Advance(TimeSpan.FromSeconds(1));
        flow.OnAccepted();
        Assert.Equal(25, limiter.Limit);
    }
}
