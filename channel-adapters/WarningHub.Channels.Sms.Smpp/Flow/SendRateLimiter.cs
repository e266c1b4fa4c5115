namespace WarningHub.Channels.Sms.Smpp.Flow;

/// <summary>
/// An exact sliding-window limit shared by all binds of a gateway: at most <see cref="Limit"/> submit_sm in any
/// one-second window, measured when a PDU is handed to a bind's write queue. It keeps the timestamps of recent
/// sends in a ring; a send may go when fewer than Limit were recorded or the Limit-th most recent is at least
/// one second old. 0 means unlimited (timestamps are still kept, so flow control can measure the current rate).
/// <para>
/// Paced (the gateway's mode): grants are also spaced at <see cref="PacingGuard"/> + 1 s over Limit, with bursts of
/// at most <see cref="BurstTolerance"/> worth of sends. An exact window at the hand-over is not enough: a burst of
/// Limit sends delayed a few milliseconds on the way and the next burst not delayed land in one SMSC second. Spacing
/// keeps every second as the SMSC counts it within Limit as long as the way adds less than guard minus burst of jitter.
/// </para>
/// </summary>
internal sealed class SendRateLimiter : IDisposable
{
    /// <summary>How many timestamps an unlimited gateway keeps to measure its own rate.</summary>
    public const int UnlimitedTrackingCapacity = 1 << 16;

    private readonly TimeProvider _time;
    private readonly long _oneSecond;
    private readonly long[] _ring;
    private readonly Lock _lock = new();

    /// <summary>Waiters queue here one at a time, so they are served in order and wake no herd.</summary>
    private readonly SemaphoreSlim _queue = new(1, 1);

    /// <summary>How much longer than a second Limit paced sends take, to absorb jitter on the way to the SMSC.</summary>
    public static readonly TimeSpan PacingGuard = TimeSpan.FromMilliseconds(150);

    /// <summary>How far ahead of its even spacing a paced send may go (a small burst keeps high rates cheap).</summary>
    public static readonly TimeSpan BurstTolerance = TimeSpan.FromMilliseconds(25);

    private readonly bool _paced;
    private double _theoreticalArrival;
    private int _head;
    private int _count;
    private int _limit;
    private long _pausedUntil;

    public SendRateLimiter(int configuredLimit, TimeProvider time, bool paced = false)
    {
        _paced = paced;
        ArgumentOutOfRangeException.ThrowIfNegative(configuredLimit);
        ConfiguredLimit = configuredLimit;
        _limit = configuredLimit;
        _time = time;
        _oneSecond = time.TimestampFrequency;
        _ring = new long[configuredLimit > 0 ? configuredLimit : UnlimitedTrackingCapacity];
    }

    /// <summary>How much a limit must exceed the rate it lets through: 1 + the guard in seconds when paced, else 1.</summary>
    public double PacingFactor => _paced ? 1 + PacingGuard.TotalSeconds : 1;

    /// <summary>The configured ceiling (0 = none); <see cref="Limit"/> never exceeds it.</summary>
    public int ConfiguredLimit { get; }

    /// <summary>The limit in force: the configured one, or lower while flow control slows the gateway. Setting 0 restores the configured one.</summary>
    public int Limit
    {
        get => Volatile.Read(ref _limit);
        set
        {
            var limited = value <= 0 ? ConfiguredLimit
                : ConfiguredLimit > 0 ? Math.Min(value, ConfiguredLimit)
                : Math.Min(value, _ring.Length);
            Volatile.Write(ref _limit, limited);
        }
    }

    /// <summary>Nothing may be sent before this TimeProvider timestamp (a flow-control pause).</summary>
    public void PauseUntil(long timestamp)
    {
        lock (_lock)
        {
            _pausedUntil = Math.Max(_pausedUntil, timestamp);
        }
    }

    public ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        // Skip the queue only when nobody is waiting in it, or an early waiter could starve.
        return _queue.CurrentCount > 0 && TryAcquire(out _) ? default : AcquireSlowAsync(cancellationToken);
    }

    /// <summary>Takes a slot now if one is free; otherwise says how long until the next one frees up.</summary>
    public bool TryAcquire(out TimeSpan wait)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (now < _pausedUntil)
            {
                wait = _time.GetElapsedTime(now, _pausedUntil);
                return false;
            }

            var limit = _limit;
            if (limit > 0 && _count >= limit)
            {
                var kthNewest = _ring[Index(limit)];
                var age = now - kthNewest;
                if (age < _oneSecond)
                {
                    wait = _time.GetElapsedTime(now, kthNewest + _oneSecond);
                    return false;
                }
            }

            if (_paced && limit > 0 && !TryPace(now, limit, out wait))
            {
                return false;
            }

            _ring[_head] = now;
            _head = (_head + 1) % _ring.Length;
            _count = Math.Min(_count + 1, _ring.Length);
            wait = TimeSpan.Zero;
            return true;
        }
    }

    /// <summary>How many sends were recorded in the last second (at most the ring's capacity).</summary>
    public int CountInLastSecond()
    {
        lock (_lock)
        {
            var since = _time.GetTimestamp() - _oneSecond;

            // The ring is in time order, newest at Index(1): binary search for the newest entry outside the window.
            int low = 1, high = _count;
            while (low <= high)
            {
                var mid = (low + high) >>> 1;
                if (_ring[Index(mid)] > since)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }

            return high;
        }
    }

    public void Dispose() => _queue.Dispose();

    /// <summary>Generic cell rate algorithm: one send per interval, at most the burst tolerance ahead of schedule.</summary>
    private bool TryPace(long now, int limit, out TimeSpan wait)
    {
        var interval = (_oneSecond + PacingGuard.TotalSeconds * _oneSecond) / limit;
        var tolerance = BurstTolerance.TotalSeconds * _oneSecond;
        var earliest = _theoreticalArrival - tolerance;
        if (now < earliest)
        {
            wait = TimeSpan.FromSeconds((earliest - now) / _oneSecond);
            return false;
        }

        _theoreticalArrival = Math.Max(_theoreticalArrival, now) + interval;
        wait = TimeSpan.Zero;
        return true;
    }

    /// <summary>Ring index of the k-th newest timestamp (k = 1 is the newest).</summary>
    private int Index(int k) => (_head - k + _ring.Length) % _ring.Length;

    private async ValueTask AcquireSlowAsync(CancellationToken cancellationToken)
    {
        await _queue.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!TryAcquire(out var wait))
            {
                await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, _time, cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        finally
        {
            _queue.Release();
        }
    }
}
