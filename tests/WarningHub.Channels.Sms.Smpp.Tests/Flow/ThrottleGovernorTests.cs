using Microsoft.Extensions.Time.Testing;
using WarningHub.Channels.Sms.Smpp.Flow;

namespace WarningHub.Channels.Sms.Smpp.Tests.Flow;

public class ThrottleGovernorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 7, 1, 4, 0, 0, TimeSpan.Zero));

    [Fact]
    public void OnThrottled_HalvesTheRateReached_AndPausesTheGateway()
    {
        using var limiter = new SendRateLimiter(0, _time);
        var governor = new ThrottleGovernor(limiter, _time, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));
        for (var i = 0; i < 400; i++)
        {
            limiter.TryAcquire(out _);
        }

        var pause = governor.OnThrottled();

        Assert.Equal(TimeSpan.FromMilliseconds(200), pause);
        Assert.Equal(200, limiter.Limit);
        Assert.False(limiter.TryAcquire(out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(200), wait);
    }

    [Fact]
    public void OnThrottled_ABurstOfThrottledAnswers_CutsOnlyOnce()
    {
        using var limiter = new SendRateLimiter(100, _time);
        var governor = new ThrottleGovernor(limiter, _time, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));
        for (var i = 0; i < 100; i++)
        {
            limiter.TryAcquire(out _);
        }

        for (var i = 0; i < 64; i++)
        {
            governor.OnThrottled();
        }

        Assert.Equal(50, limiter.Limit);
        Assert.Equal(1, governor.Cuts);
    }

    [Fact]
    public void OnAccepted_RaisesTheLimitGraduallyBackToTheConfiguredOne()
    {
        using var limiter = new SendRateLimiter(100, _time);
        var governor = new ThrottleGovernor(limiter, _time, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));
        for (var i = 0; i < 100; i++)
        {
            limiter.TryAcquire(out _);
        }

        governor.OnThrottled();
        var seen = new List<int> { limiter.Limit };
        for (var second = 0; second < 10; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            governor.OnAccepted();
            governor.OnAccepted(); // twice in the same second: only one raise
            seen.Add(limiter.Limit);
        }

        Assert.Equal([50, 62, 77, 96, 100], seen.Distinct());
    }

    [Fact]
    public void OnThrottled_WhileThrottlingGoesOn_DoublesThePauseUpToTheMaximum()
    {
        using var limiter = new SendRateLimiter(1_000, _time);
        var governor = new ThrottleGovernor(limiter, _time, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300));
        var pauses = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            limiter.TryAcquire(out _);
            pauses.Add(governor.OnThrottled());
            _time.Advance(TimeSpan.FromSeconds(1.5));
        }

        Assert.Equal([100, 200, 300, 300], pauses.Select(p => (int)p.TotalMilliseconds));
    }
}
