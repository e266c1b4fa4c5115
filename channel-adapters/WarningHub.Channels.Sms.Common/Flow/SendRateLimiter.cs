namespace WarningHub.Channels.Sms.Common.Flow;

/// <summary>
/// An exact sliding-window limit shared by all connections of a gateway: at most <see cref="Limit"/> SUBMITs in any
/// one-second window. It keeps recent send times in a ring: a send may go when the Limit-th most recent is at least a
/// second old. Waiters queue one at a time, so they are served in order. 0 means unlimited (times are still kept, so
/// flow control can measure the rate reached).
/// <para>
/// Paced (the gateways' mode): grants are also spaced evenly at <see cref="PacingGuard"/> + 1 s over Limit, with
/// bursts of at most <see cref="BurstTolerance"/> worth of sends. The exact window alone lets a whole second's Limit
/// go at once; a burst delayed on its way and the next one not delayed then land in one second of the gateway's
/// count, above the contracted rate (the carrier fault battery saw 384 a second at a 300 limit after a restart).
/// </para>
/// </summary>
internal sealed class SendRateLimiter : IDisposable
{
    private const int UnlimitedTracking = 1 << 16;

    private readonly TimeProvider _time;
    private readonly long[] _ring;
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _queue = new(1, 1);
    private int _head;
    private int _count;
    private int _limit;
    private long _pausedUntil;
    private readonly bool _paced;
    private double _theoreticalArrival;

    /// <param name="configuredLimit">Sends per sliding second; 0 for unlimited.</param>
    /// <param name="time">The clock.</param>
    /// <param name="paced">Space sends evenly as well (a gateway's limiter); a simulator's counting limiter is not.</param>
    public SendRateLimiter(int configuredLimit, TimeProvider time, bool paced = false)
    {
        _paced = paced;
        ArgumentOutOfRangeException.ThrowIfNegative(configuredLimit);
        ConfiguredLimit = configuredLimit;
        _limit = configuredLimit;
        _time = time;
        _ring = new long[configuredLimit > 0 ? configuredLimit : UnlimitedTracking];
    }

    /// <summary>How much longer than a second Limit paced sends take, to absorb jitter on the way to the gateway.</summary>
    public static readonly TimeSpan PacingGuard = TimeSpan.FromMilliseconds(150);

    /// <summary>How far ahead of its even spacing a paced send may go (a small burst keeps high rates cheap).</summary>
    public static readonly TimeSpan BurstTolerance = TimeSpan.FromMilliseconds(25);

    public int ConfiguredLimit { get; }

    /// <summary>The limit in force; lower than the configured one while flow control slows the gateway. 0 restores it.</summary>
    public int Limit
    {
        get => Volatile.Read(ref _limit);
        set => Volatile.Write(ref _limit, value <= 0 ? ConfiguredLimit : Math.Min(value, _ring.Length));
    }

    public void PauseUntil(long timestamp)
    {
        lock (_lock)
        {
            _pausedUntil = Math.Max(_pausedUntil, timestamp);
        }
    }

    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        await _queue.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!TryAcquire(out var wait))
            {
                await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _queue.Release();
        }
    }

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
                if (now - kthNewest < _time.TimestampFrequency)
                {
                    wait = _time.GetElapsedTime(now, kthNewest + _time.TimestampFrequency);
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

    /// <summary>Sends recorded in the last second (at most the ring's size).</summary>
    public int CountInLastSecond()
    {
        lock (_lock)
        {
            var since = _time.GetTimestamp() - _time.TimestampFrequency;
            var n = 0;
            while (n < _count && _ring[Index(n + 1)] > since)
            {
                n++;
            }

            return n;
        }
    }

    public void Dispose() => _queue.Dispose();

    /// <summary>Generic cell rate algorithm: one send per interval, at most the burst tolerance ahead of schedule.</summary>
    private bool TryPace(long now, int limit, out TimeSpan wait)
    {
        var second = (double)_time.TimestampFrequency;
        var interval = (second + (PacingGuard.TotalSeconds * second)) / limit;
        var earliest = _theoreticalArrival - (BurstTolerance.TotalSeconds * second);
        if (now < earliest)
        {
            wait = TimeSpan.FromSeconds((earliest - now) / second);
            return false;
        }

        _theoreticalArrival = Math.Max(_theoreticalArrival, now) + interval;
        wait = TimeSpan.Zero;
        return true;
    }

    private int Index(int k) => (_head - k + _ring.Length) % _ring.Length;
}
