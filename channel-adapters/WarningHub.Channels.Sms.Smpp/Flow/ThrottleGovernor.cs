namespace WarningHub.Channels.Sms.Smpp.Flow;

/// <summary>
/// Flow control for ESME_RTHROTTLED and ESME_RMSGQFUL: the SMSC says "slower", so the whole gateway pauses for a
/// back-off and its rate limit is halved (from the rate actually reached, when that is lower than the limit).
/// Each quiet second afterwards raises the limit by a quarter until it is back at the configured one (or, for an
/// unlimited gateway, twice the rate that was throttled, where the limit is lifted). A burst of throttled answers
/// to PDUs that were already in flight counts as one signal: the rate is cut at most once per second.
/// </summary>
internal sealed class ThrottleGovernor
{
    private readonly SendRateLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly TimeSpan _initialPause;
    private readonly TimeSpan _maxPause;
    private readonly long _oneSecond;
    private readonly Lock _lock = new();

    private TimeSpan _pause;
    private long _lastCut = long.MinValue;
    private long _lastRaise;
    private int _liftAt;
    private volatile bool _recovering;

    public ThrottleGovernor(SendRateLimiter limiter, TimeProvider time, TimeSpan initialPause, TimeSpan maxPause)
    {
        _limiter = limiter;
        _time = time;
        _initialPause = initialPause;
        _maxPause = maxPause < initialPause ? initialPause : maxPause;
        _pause = initialPause;
        _oneSecond = time.TimestampFrequency;
    }

    /// <summary>How many times the rate was cut; for logs and tests.</summary>
    public int Cuts { get; private set; }

    /// <summary>The SMSC throttled a submit: pause and slow down. Returns the pause now in force.</summary>
    public TimeSpan OnThrottled()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (_lastCut != long.MinValue && now - _lastCut < _oneSecond)
            {
                return _pause; // answers to PDUs already in flight when we slowed down: same event
            }

            var quietSinceLastCut = _lastCut == long.MinValue || now - _lastCut > 4 * _oneSecond;
            _pause = quietSinceLastCut ? _initialPause : Min(_pause * 2, _maxPause);
            _lastCut = now;
            _lastRaise = now;

            var reached = Math.Max(1, _limiter.CountInLastSecond());
            var current = _limiter.Limit > 0 ? Math.Min(_limiter.Limit, reached) : reached;
            if (!_recovering)
            {
                _liftAt = 2 * reached;
            }

            _limiter.Limit = Math.Max(1, current / 2);
            _limiter.PauseUntil(now + (long)(_pause.TotalSeconds * _oneSecond));
            _recovering = true;
            Cuts++;
            return _pause;
        }
    }

    /// <summary>A submit was accepted: raise the limit again, once per quiet second. Cheap when not recovering.</summary>
    public void OnAccepted()
    {
        if (!_recovering)
        {
            return;
        }

        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (!_recovering || now - _lastRaise < _oneSecond)
            {
                return;
            }

            _lastRaise = now;
            var limit = _limiter.Limit;
            var raised = limit + Math.Max(1, limit / 4);
            var ceiling = _limiter.ConfiguredLimit > 0 ? _limiter.ConfiguredLimit : _liftAt;
            if (raised >= ceiling)
            {
                _limiter.Limit = 0; // back to the configured limit (or none)
                _recovering = false;
            }
            else
            {
                _limiter.Limit = raised;
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
