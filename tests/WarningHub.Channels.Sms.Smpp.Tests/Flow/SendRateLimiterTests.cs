using Microsoft.Extensions.Time.Testing;
using WarningHub.Channels.Sms.Smpp.Flow;

namespace WarningHub.Channels.Sms.Smpp.Tests.Flow;

public class SendRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 7, 1, 4, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryAcquire_AllowsNThenWaitsUntilTheOldestIsOneSecondOld()
    {
        using var limiter = new SendRateLimiter(3, _time);

        Assert.True(limiter.TryAcquire(out _));
        _time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.True(limiter.TryAcquire(out _));
        Assert.True(limiter.TryAcquire(out _));

        Assert.False(limiter.TryAcquire(out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(700), wait);

        _time.Advance(TimeSpan.FromMilliseconds(699));
        Assert.False(limiter.TryAcquire(out _));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.TryAcquire(out _));
        Assert.False(limiter.TryAcquire(out var next));
        Assert.Equal(TimeSpan.FromMilliseconds(300), next); // the two sent at 300 ms now bound the window
    }

    [Fact]
    public void TryAcquire_UnderIrregularDemand_NeverGrantsMoreThanNInAnySlidingSecond()
    {
        const int limit = 5;
        using var limiter = new SendRateLimiter(limit, _time);
        var random = new Random(7);
        var start = _time.GetTimestamp();
        var granted = new List<long>();
        for (var step = 0; step < 2_000; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(random.Next(0, 40)));
            for (var burst = random.Next(0, 4); burst > 0; burst--)
            {
                if (limiter.TryAcquire(out _))
                {
                    granted.Add(_time.GetTimestamp());
                }
            }
        }

        var second = _time.TimestampFrequency;
        for (var i = 0; i + limit < granted.Count; i++)
        {
            Assert.True(granted[i + limit] - granted[i] >= second, $"grants {i} and {i + limit} are closer than one second");
        }

        // Demand (about 75 per second) far exceeds the limit, so the limiter must also have granted nearly all it may.
        var seconds = (double)(_time.GetTimestamp() - start) / second;
        Assert.InRange(granted.Count, (int)(seconds * limit * 0.95), (int)(seconds * limit) + limit);
    }

    [Fact]
    public async Task AcquireAsync_WhenTheWindowIsFull_CompletesOnlyWhenTheOldestTurnsOneSecondOld()
    {
        using var limiter = new SendRateLimiter(2, _time);
        await limiter.AcquireAsync(CancellationToken.None);
        await limiter.AcquireAsync(CancellationToken.None);

        var third = limiter.AcquireAsync(CancellationToken.None).AsTask();
        // The limiter's waits are timers on the fake clock: one due at 999 ms would have fired inside Advance.
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(third.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(third.IsCompletedSuccessfully);
    }

    [Fact]
    public void Limit_CannotBeRaisedAboveTheConfiguredOne_AndZeroRestoresIt()
    {
        using var limiter = new SendRateLimiter(10, _time);

        limiter.Limit = 50;
        Assert.Equal(10, limiter.Limit);
        limiter.Limit = 4;
        Assert.Equal(4, limiter.Limit);
        limiter.Limit = 0;
        Assert.Equal(10, limiter.Limit);
    }

    [Fact]
    public void Unlimited_AllowsEverything_ButStillMeasuresTheRate()
    {
        using var limiter = new SendRateLimiter(0, _time);

        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(limiter.TryAcquire(out _));
        }

        _time.Advance(TimeSpan.FromMilliseconds(600));
        for (var i = 0; i < 200; i++)
        {
            Assert.True(limiter.TryAcquire(out _));
        }

        Assert.Equal(1_200, limiter.CountInLastSecond());
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(200, limiter.CountInLastSecond());
    }

    [Fact]
    public void PauseUntil_BlocksEveryoneUntilItPasses()
    {
        using var limiter = new SendRateLimiter(0, _time);
        limiter.PauseUntil(_time.GetTimestamp() + _time.TimestampFrequency / 5);

        Assert.False(limiter.TryAcquire(out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(200), wait);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.True(limiter.TryAcquire(out _));
    }

    [Fact]
    public void Paced_EvenWithJitterOnTheWay_NoSecondAtTheSmscHoldsMoreThanTheLimit_AndAllButTheGuardStillGoes()
    {
        const int limit = 500;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 4, 0, 0, TimeSpan.Zero));
        using var limiter = new SendRateLimiter(limit, time, paced: true);
        var random = new Random(7);
        var arrivals = new List<double>();
        for (var tick = 0; tick < 100_000; tick++) // 10 s in 0.1 ms steps, sending whenever allowed
        {
            while (limiter.TryAcquire(out _))
            {
                var jitter = random.NextDouble() * (SendRateLimiter.PacingGuard - SendRateLimiter.BurstTolerance).TotalMilliseconds * 0.95;
                arrivals.Add(tick / 10.0 + jitter);
            }

            time.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond / 10));
        }

        arrivals.Sort();
        var busiest = 0;
        for (int first = 0, last = 0; last < arrivals.Count; last++)
        {
            while (arrivals[last] - arrivals[first] >= 1000)
            {
                first++;
            }

            busiest = Math.Max(busiest, last - first + 1);
        }

        Assert.True(busiest <= limit, $"{busiest} arrived within one second");
        var expected = limit * 10 / (1 + SendRateLimiter.PacingGuard.TotalSeconds);
        Assert.True(arrivals.Count >= expected * 0.99, $"only {arrivals.Count} sent in 10 s, {expected:F0} expected");
    }
}
