namespace WarningHub.Channels.Sms.Smpp.Flow;

/// <summary>
/// Flow control for ESME_RTHROTTLED and ESME_RMSGQFUL, additive increase / multiplicative decrease. The SMSC says
/// "slower": the limit is cut to <see cref="Decrease"/> of the rate the SMSC accepted over the last second (the rate
/// it allows), so the sawtooth stays close under it. Each quiet second then adds <see cref="StepDivisor"/>-th of
/// that rate until throttling starts again or the configured limit is back (for an unlimited gateway: twice the
/// throttled rate, where the limit is lifted). A burst of throttled answers to PDUs already in flight counts as one
/// signal: the rate is cut at most once per second. A cut that comes before any quiet second (throttling went on)
/// takes the usual share off the limit in force when that is higher than the accepted rate: right after a burst the
/// SMSC's second is full and little is accepted, which says nothing about what it allows. The limit never goes below
/// a tenth of the configured one (a tenth of the throttled rate when unlimited): an SMSC that throttles a share of submits whatever the rate would otherwise starve
/// the gateway. Only the throttled part waits the pause; the whole gateway pauses only while cuts follow each other
/// before a quiet second raised the limit again (throttling that the lower rate did not end). A paced limiter lets
/// through less than its limit (see <see cref="SendRateLimiter.PacingFactor"/>), so the cut accounts for that.
/// </summary>
internal sealed class ThrottleGovernor
{
    /// <summary>The share of the accepted rate the limit is cut to.</summary>
    public const double Decrease = 0.95;

    /// <summary>The climb per quiet second is the throttled rate divided by this.</summary>
    public const int StepDivisor = 25;

    private readonly SendRateLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly RateMeter _accepted;
    private readonly TimeSpan _initialPause;
    private readonly TimeSpan _maxPause;
    private readonly long _oneSecond;
    private readonly Lock _lock = new();

    private TimeSpan _pause;
    private long _lastCut = long.MinValue;
    private long _lastRaise;
    private int _liftAt;
    private int _step = 1;
    private volatile bool _recovering;

    public ThrottleGovernor(SendRateLimiter limiter, TimeProvider time, TimeSpan initialPause, TimeSpan maxPause)
    {
        _limiter = limiter;
        _time = time;
        _accepted = new RateMeter(time);
        _initialPause = initialPause;
        _maxPause = maxPause < initialPause ? initialPause : maxPause;
        _pause = initialPause;
        _oneSecond = time.TimestampFrequency;
    }

    /// <summary>How many times the rate was cut; for logs and tests.</summary>
    public int Cuts { get; private set; }

    private int Floor => Math.Max(1, (_limiter.ConfiguredLimit > 0 ? _limiter.ConfiguredLimit : _liftAt / 2) / 10);

    /// <summary>The SMSC throttled a submit: slow down. Returns how long the throttled part waits before it is resubmitted.</summary>
    public TimeSpan OnThrottled()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (_lastCut != long.MinValue && now - _lastCut < _oneSecond)
            {
                return _pause; // answers to PDUs already in flight when we slowed down: same event
            }

            // Throttled again before a quiet second raised the limit: the cut did not end it.
            var persisting = _lastCut != long.MinValue && _lastRaise == _lastCut && now - _lastCut <= 4 * _oneSecond;
            _pause = persisting ? Min(_pause * 2, _maxPause) : _initialPause;
            _lastCut = now;
            _lastRaise = now;

            var sent = Math.Max(1, _limiter.CountInLastSecond());
            var accepted = _accepted.CountInLastSecond();
            var current = _limiter.Limit > 0 ? Math.Min(_limiter.Limit, sent) : sent;
            var allowed = accepted > 0 ? Math.Min(current, accepted) : current;
            if (!_recovering)
            {
                _liftAt = 2 * sent;
            }

            // Right after a burst the SMSC's second is still full and little is accepted: the accepted rate then says
            // nothing about what the SMSC allows, so a repeated cut only takes the usual share off the limit in force.
            var cut = (int)(allowed * Decrease * _limiter.PacingFactor);
            if (persisting && _limiter.Limit > 0)
            {
                cut = Math.Max(cut, (int)(_limiter.Limit * Decrease));
            }

            _limiter.Limit = Math.Max(Floor, cut);
            _step = Math.Max(1, (int)Math.Round(_limiter.Limit / Decrease / _limiter.PacingFactor / StepDivisor));
            if (persisting)
            {
                _limiter.PauseUntil(now + (long)(_pause.TotalSeconds * _oneSecond));
            }

            _recovering = true;
            Cuts++;
            return _pause;
        }
    }

    /// <summary>A submit was accepted: measure, and raise the limit again once per quiet second.</summary>
    public void OnAccepted()
    {
        _accepted.Record();
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
            var raised = _limiter.Limit + _step;
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
