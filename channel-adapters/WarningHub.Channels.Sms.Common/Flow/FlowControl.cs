namespace WarningHub.Channels.Sms.Common.Flow;

/// <summary>
/// What a gateway does when its peer says "too fast" (CMPP Result 8, SGIP Result 11 "node busy"): the
/// whole gateway pauses, the pause doubling while the answer keeps coming, and its rate is halved from the rate reached. Each quiet second afterwards raises
/// it by a quarter until the configured rate (or, unlimited, twice the throttled rate) is back. Answers to SUBMITs
/// already in flight when the gateway slowed down count as the same signal. A cut never goes below a tenth of the
/// configured rate.
/// </summary>
internal sealed class FlowControl(SendRateLimiter limiter, TimeProvider time, TimeSpan initialPause)
{
    private readonly Lock _lock = new();
    private TimeSpan _pause;
    private long _lastCut = long.MinValue;
    private long _lastRaise;
    private int _ceiling;
    private volatile bool _recovering;

    /// <summary>
    /// The lowest limit a cut leaves: a tenth of the configured rate (of the throttled rate when unlimited). A gateway
    /// that answers a share of submits with flow control whatever the rate would otherwise cut the limit every second by
    /// more than the quiet second raised it, down to one a second.
    /// </summary>
    private int Floor => Math.Max(1, (limiter.ConfiguredLimit > 0 ? limiter.ConfiguredLimit : _ceiling / 2) / 10);

    /// <summary>How many times the rate was cut.</summary>
    public int Cuts { get; private set; }

    public TimeSpan OnFlowControl()
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            var second = time.TimestampFrequency;
            if (_lastCut != long.MinValue && now - _lastCut < second)
            {
                return _pause;
            }

            var quiet = _lastCut == long.MinValue || now - _lastCut > 4 * second;
            _pause = quiet || _pause == TimeSpan.Zero ? initialPause : TimeSpan.FromTicks(Math.Min(_pause.Ticks * 2, initialPause.Ticks * 16));
            var reached = Math.Max(1, limiter.CountInLastSecond());
            if (!_recovering)
            {
                _ceiling = limiter.ConfiguredLimit > 0 ? limiter.ConfiguredLimit : 2 * reached;
            }

            var current = limiter.Limit > 0 ? Math.Min(limiter.Limit, reached) : reached;
            limiter.Limit = Math.Max(Floor, current / 2);
            limiter.PauseUntil(now + (long)(_pause.TotalSeconds * second));
            _lastCut = now;
            _lastRaise = now;
            _recovering = true;
            Cuts++;
            return _pause;
        }
    }

    public void OnAccepted()
    {
        if (!_recovering)
        {
            return;
        }

        lock (_lock)
        {
            var now = time.GetTimestamp();
            if (!_recovering || now - _lastRaise < time.TimestampFrequency)
            {
                return;
            }

            _lastRaise = now;
            var raised = limiter.Limit + Math.Max(1, limiter.Limit / 4);
            if (raised >= _ceiling)
            {
                limiter.Limit = 0;
                _recovering = false;
            }
            else
            {
                limiter.Limit = raised;
            }
        }
    }
}
