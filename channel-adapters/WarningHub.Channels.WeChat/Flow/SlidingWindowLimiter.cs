namespace WarningHub.Channels.WeChat.Flow;

/// <summary>
/// An exact sliding-window limit: at most <see cref="Limit"/> acquisitions in any interval of <see cref="Window"/>.
/// It keeps the timestamps of the last Limit acquisitions in a ring; a new one may go when the oldest of them is at
/// least one window old. Used for the official account's per-second cap (shared by all sends) and for each WeCom
/// robot's 20 messages per minute. Waiters queue one at a time, so they are served in order.
/// </summary>
internal sealed class SlidingWindowLimiter : IDisposable
{
    private readonly TimeProvider _time;
    private readonly long _window;
    private readonly long[] _ring;
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _queue = new(1, 1);
    private int _head;
    private int _count;
    private long _pausedUntil;

    public SlidingWindowLimiter(int limit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        Limit = limit;
        Window = window;
        _time = time;
        _window = ToTimestampTicks(window);
        _ring = new long[limit];
    }

    public int Limit { get; }

    public TimeSpan Window { get; }

    /// <summary>Takes a slot now if one is free; otherwise says how long until one frees up.</summary>
    public bool TryAcquire(out TimeSpan wait)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            wait = WaitLocked(now);
            if (wait > TimeSpan.Zero)
            {
                return false;
            }

            _ring[_head] = now;
            _head = (_head + 1) % _ring.Length;
            _count = Math.Min(_count + 1, _ring.Length);
            return true;
        }
    }

    /// <summary>How long until a slot frees up, without taking one (zero: one is free now).</summary>
    public TimeSpan NextFreeIn()
    {
        lock (_lock)
        {
            return WaitLocked(_time.GetTimestamp());
        }
    }

    /// <summary>Nothing is handed out for <paramref name="duration"/> (the far end said it is over its limit).</summary>
    public void Pause(TimeSpan duration)
    {
        lock (_lock)
        {
            var until = _time.GetTimestamp() + ToTimestampTicks(duration);
            _pausedUntil = Math.Max(_pausedUntil, until);
        }
    }

    /// <summary>Waits for a slot however long it takes; only the token ends the wait.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        var (acquired, _) = await AcquireWithinAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        if (!acquired)
        {
            throw new InvalidOperationException("An unbounded wait cannot end without a slot.");
        }
    }

    /// <summary>
    /// Waits for a slot if one frees up within <paramref name="maxWait"/> (<see cref="Timeout.InfiniteTimeSpan"/>: no
    /// bound); otherwise takes nothing and returns how long the caller would have had to wait.
    /// </summary>
    public async ValueTask<(bool Acquired, TimeSpan RetryAfter)> AcquireWithinAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var unbounded = maxWait == Timeout.InfiniteTimeSpan;

        // Skip the queue only when nobody is waiting in it, or an early waiter could starve.
        if (_queue.CurrentCount > 0 && TryAcquire(out var wait))
        {
            return (true, TimeSpan.Zero);
        }

        wait = NextFreeIn();
        if (!unbounded && wait > maxWait)
        {
            return (false, wait);
        }

        var started = _time.GetTimestamp();
        using var budget = unbounded ? null : new CancellationTokenSource(maxWait, _time);
        using var linked = budget is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            // A cancelled WaitAsync never takes the semaphore, so running out of budget in the queue leaks nothing.
            await _queue.WaitAsync(linked?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, Positive(NextFreeIn()));
        }

        try
        {
            // Each round takes a slot or sleeps until the next one frees up; the budget bounds the rounds in time.
            while (!TryAcquire(out wait))
            {
                if (!unbounded && _time.GetElapsedTime(started) + wait > maxWait)
                {
                    return (false, wait);
                }

                await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, _time, cancellationToken)
                    .ConfigureAwait(false);
            }

            return (true, TimeSpan.Zero);
        }
        finally
        {
            _queue.Release();
        }
    }

    public void Dispose() => _queue.Dispose();

    /// <summary>A wait that rounds to zero would let a caller in early; a busy limiter always asks for some wait.</summary>
    private static TimeSpan Positive(TimeSpan wait) => wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1);

    private TimeSpan WaitLocked(long now)
    {
        if (now < _pausedUntil)
        {
            return Positive(_time.GetElapsedTime(now, _pausedUntil));
        }

        if (_count < _ring.Length)
        {
            return TimeSpan.Zero;
        }

        // The ring is full: _head points at the oldest of the last Limit acquisitions.
        var oldest = _ring[_head];
        return now - oldest >= _window ? TimeSpan.Zero : Positive(_time.GetElapsedTime(now, oldest + _window));
    }

    /// <summary>Rounded up, so a window is never shorter than asked for.</summary>
    private long ToTimestampTicks(TimeSpan span)
    {
        var frequency = _time.TimestampFrequency;
        var scaled = (Int128)span.Ticks * frequency;
        var whole = scaled / TimeSpan.TicksPerSecond;
        return (long)(scaled % TimeSpan.TicksPerSecond == 0 ? whole : whole + 1);
    }
}
