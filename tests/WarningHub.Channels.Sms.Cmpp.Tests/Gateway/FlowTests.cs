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

    [Fact]
    public void FlowControl_WhenTheGatewayThrottlesAShareOfSubmitsWhateverTheRate_KeepsATenthOfTheConfiguredRate()
    {
        // Regression (carrier fault battery, flow-control fault): an SMGW answering 30 % of Submits with "system busy"
        // at any rate cut the limit every second by more than the quiet second raised it, down to one a second; half
        // of a 264-phone release was still pending after two minutes. The SMPP governor keeps the same floor.
        var time = new FakeTimeProvider();
        using var limiter = new SendRateLimiter(300, time);
        var flow = new FlowControl(limiter, time, TimeSpan.FromMilliseconds(50));
        for (var second = 0; second < 30; second++)
        {
            for (var sent = 0; sent < limiter.Limit && limiter.TryAcquire(out _); sent++)
            {
            }

            flow.OnFlowControl();
            time.Advance(TimeSpan.FromSeconds(1));
            flow.OnAccepted();
        }

        Assert.True(limiter.Limit >= 30, $"the limit fell to {limiter.Limit}/s of 300/s");
    }

    [Fact]
    public void RateLimit_Paced_SpacesTheSendsOfASecond_SoTheyNeverLeaveInOneBurst()
    {
        // Regression (carrier fault battery, kill -9 fault): the exact window let a restarted CMPP gateway send a whole
        // second's 300 SUBMITs at once, and with the previous burst delayed on its way the ISMG counted 384 in one second.
        var time = new FakeTimeProvider();
        using var limiter = new SendRateLimiter(100, time, paced: true);
        var burst = 0;
        while (limiter.TryAcquire(out _)) burst++;
        var sent = burst;
        for (var ms = 0; ms < 1000; ms++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            while (limiter.TryAcquire(out _)) sent++;
        }

        Assert.InRange(burst, 1, 4); // 25 ms ahead of an 11.5 ms spacing
        Assert.InRange(sent, 85, 100);
    }
}
