using Microsoft.Extensions.Time.Testing;
using WarningHub.Channels.WeChat.Flow;

namespace WarningHub.Channels.WeChat.Tests.Flow;

public class SlidingWindowLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 7, 1, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryAcquire_WhenTheLimitIsReached_RefusesUntilTheOldestLeavesTheWindow()
    {
        using var limiter = new SlidingWindowLimiter(3, TimeSpan.FromSeconds(1), _time);
        Assert.True(limiter.TryAcquire(out _));
        _time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.True(limiter.TryAcquire(out _));
        Assert.True(limiter.TryAcquire(out _));

        Assert.False(limiter.TryAcquire(out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(700), wait);

        _time.Advance(TimeSpan.FromMilliseconds(699));
        Assert.False(limiter.TryAcquire(out wait));
        Assert.Equal(TimeSpan.FromMilliseconds(1), wait);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.TryAcquire(out _));
        Assert.False(limiter.TryAcquire(out wait));
        Assert.Equal(TimeSpan.FromMilliseconds(300), wait);
    }

    [Fact]
    public void TryAcquire_OneTickBeforeTheWindowEnds_StillRefuses()
    {
        using var limiter = new SlidingWindowLimiter(1, TimeSpan.FromMinutes(1), _time);
        Assert.True(limiter.TryAcquire(out _));

        _time.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(1));
        Assert.False(limiter.TryAcquire(out var wait));
        Assert.True(wait > TimeSpan.Zero);

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.True(limiter.TryAcquire(out _));
    }

    [Fact]
    public void TryAcquire_UnderARandomSchedule_NeverLetsMoreThanTheLimitIntoAnyWindow()
    {
        const int limit = 20;
        var window = TimeSpan.FromMinutes(1);
        using var limiter = new SlidingWindowLimiter(limit, window, _time);
        var random = new Random(7);
        var granted = new List<DateTimeOffset>();
        for (var step = 0; step < 5_000; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(random.Next(0, 9_000)));
            for (var attempt = random.Next(0, 6); attempt > 0; attempt--)
            {
                if (limiter.TryAcquire(out _))
                {
                    granted.Add(_time.GetUtcNow());
                }
            }
        }

        Assert.True(granted.Count > 10 * limit, "the schedule must push against the limit to prove anything");
        for (var i = 0; i + limit < granted.Count; i++)
        {
            Assert.True(granted[i + limit] - granted[i] >= window, $"grants {i} and {i + limit} are {granted[i + limit] - granted[i]} apart");
        }
    }

    [Fact]
    public async Task AcquireWithin_WhenTheWaitExceedsTheBudget_TakesNothingAndSaysHowLong()
    {
        using var limiter = new SlidingWindowLimiter(2, TimeSpan.FromMinutes(1), _time);
        Assert.True(limiter.TryAcquire(out _));
        _time.Advance(TimeSpan.FromSeconds(15));
        Assert.True(limiter.TryAcquire(out _));

        var (acquired, retryAfter) = await limiter.AcquireWithinAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.False(acquired);
        Assert.Equal(TimeSpan.FromSeconds(45), retryAfter);
        _time.Advance(TimeSpan.FromSeconds(45));
        Assert.True(limiter.TryAcquire(out _));
        Assert.False(limiter.TryAcquire(out _));
    }

    [Fact]
    public async Task AcquireWithin_WhenASlotFreesUpWithinTheBudget_WaitsForIt()
    {
        using var limiter = new SlidingWindowLimiter(1, TimeSpan.FromMinutes(1), _time);
        Assert.True(limiter.TryAcquire(out _));
        _time.Advance(TimeSpan.FromSeconds(55));

        var pending = limiter.AcquireWithinAsync(TimeSpan.FromSeconds(10), CancellationToken.None).AsTask();
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(5));

        var (acquired, _) = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(acquired);
        Assert.False(limiter.TryAcquire(out _));
    }

    [Fact]
    public async Task AcquireAsync_WhenCancelledWhileWaiting_ThrowsAndTakesNoSlot()
    {
        using var limiter = new SlidingWindowLimiter(1, TimeSpan.FromSeconds(1), _time);
        Assert.True(limiter.TryAcquire(out _));
        using var cancel = new CancellationTokenSource();

        var pending = limiter.AcquireAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(TimeSpan.FromSeconds(10)));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire(out _));
    }

    [Fact]
    public void Pause_RefusesEverySlotForItsDuration()
    {
        using var limiter = new SlidingWindowLimiter(20, TimeSpan.FromMinutes(1), _time);
        limiter.Pause(TimeSpan.FromMinutes(1));

        Assert.False(limiter.TryAcquire(out var wait));
        Assert.Equal(TimeSpan.FromMinutes(1), wait);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(limiter.TryAcquire(out _));
    }
}
