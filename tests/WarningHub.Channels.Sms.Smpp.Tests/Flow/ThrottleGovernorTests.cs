using Microsoft.Extensions.Time.Testing;
using WarningHub.Channels.Sms.Smpp.Flow;

namespace WarningHub.Channels.Sms.Smpp.Tests.Flow;

public class ThrottleGovernorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 7, 1, 4, 0, 0, TimeSpan.Zero));

    [Fact]
    public void OnThrottled_CutsTheLimitJustBelowTheRateTheSmscAccepted()
    {
        using var limiter = new SendRateLimiter(500, _time);
        var governor = new ThrottleGovernor(limiter, _time, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));
        for (var i = 0; i < 400; i++)
        {
            limiter.TryAcquire(out _);
            if (i % 2 == 0)
            {
                governor.OnAccepted();
            }
        }

        var pause = governor.OnThrottled();

        Assert.Equal(TimeSpan.FromMilliseconds(200), pause);
        Assert.Equal((int)(200 * ThrottleGovernor.Decrease), limiter.Limit);
    }

    [Fact]
    public void OnThrottled_ABurstOfThrottledAnswers_CutsOnlyOnce()
    {
        using var limiter = new SendRateLimiter(100, _time);
        var governor = new ThrottleGovernor(limiter, _time, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));
        for (var i = 0; i < 100; i++)
        {
            limiter.TryAcquire(out _);
            governor.OnAccepted();
        }

        for (var i = 0; i < 64; i++)
        {
            governor.OnThrottled();
        }

        Assert.Equal(95, limiter.Limit);
        Assert.Equal(1, governor.Cuts);
    }

    [Fact]
    public void OnThrottled_OnlyWhenThrottlingPersists_PausesTheWholeGatewayWithADoublingPause()
    {
        using var limiter = new SendRateLimiter(1000, _time);
        var governor = new ThrottleGovernor(limiter, _time, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300));
        for (var i = 0; i < 10; i++)
        {
            limiter.TryAcquire(out _);
            governor.OnAccepted();
        }

        governor.OnThrottled();
        Assert.True(limiter.TryAcquire(out _)); // a first throttle slows the rate; only the throttled part waits

        var pauses = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1.5));
            pauses.Add(governor.OnThrottled());
        }

        Assert.Equal([TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300)], pauses);
        Assert.False(limiter.TryAcquire(out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(300), wait);
    }

    [Fact]
    public void OnAccepted_ClimbsOneStepPerQuietSecond_BackToTheConfiguredLimit()
    {
        using var limiter = new SendRateLimiter(100, _time);
        var governor = new ThrottleGovernor(limiter, _time, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));
        for (var i = 0; i < 100; i++)
        {
            limiter.TryAcquire(out _);
            governor.OnAccepted();
        }

        governor.OnThrottled();
        var seen = new List<int> { limiter.Limit };
        for (var second = 0; second < 6; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            governor.OnAccepted();
            governor.OnAccepted(); // twice in the same second: one step only
            seen.Add(limiter.Limit);
        }

        Assert.Equal([95, 99, 100, 100, 100, 100, 100], seen);
    }

    [Fact]
    public void AgainstAnSmscAllowing200PerSecond_SendsAtLeast90PercentOfIt_AndNeverFallsBelowTheFloor()
    {
        const int allowed = 200;
        using var limiter = new SendRateLimiter(500, _time, paced: true);
        var governor = new ThrottleGovernor(limiter, _time, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(3));
        var smsc = new SlidingSecondSmsc(allowed);
        var answers = new Queue<(long DueMs, bool Accepted)>();
        var acceptedAfterWarmUp = 0;
        var lowest = int.MaxValue;

        for (var ms = 0L; ms < 60_000; ms++)
        {
            while (answers.Count > 0 && answers.Peek().DueMs <= ms)
            {
                if (answers.Dequeue().Accepted)
                {
                    governor.OnAccepted();
                }
                else
                {
                    governor.OnThrottled();
                }
            }

            while (limiter.TryAcquire(out _))
            {
                var accepted = smsc.Submit(ms);
                answers.Enqueue((ms + 20, accepted)); // a 20 ms round trip
                acceptedAfterWarmUp += accepted && ms >= 10_000 ? 1 : 0;
            }

            lowest = Math.Min(lowest, limiter.Limit);
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.True(governor.Cuts > 1, "the SMSC never throttled: nothing was tested");
        Assert.True(acceptedAfterWarmUp >= 0.9 * allowed * 50, $"{acceptedAfterWarmUp} accepted in 50 s, below 90 % of {allowed}/s");
        Assert.True(lowest >= 50, $"the limit fell to {lowest}");
    }

    /// <summary>An SMSC that throttles any submit beyond <paramref name="allowed"/> accepted in the last second.</summary>
    private sealed class SlidingSecondSmsc(int allowed)
    {
        private readonly Queue<long> _accepted = new();

        public bool Submit(long ms)
        {
            while (_accepted.Count > 0 && ms - _accepted.Peek() >= 1000)
            {
                _accepted.Dequeue();
            }

            if (_accepted.Count >= allowed)
            {
                return false;
            }

            _accepted.Enqueue(ms);
            return true;
        }
    }
}
