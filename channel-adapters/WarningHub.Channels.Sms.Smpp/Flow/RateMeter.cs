namespace WarningHub.Channels.Sms.Smpp.Flow;

/// <summary>
/// Counts events (accepted submits) in the last second. It holds at most one second of timestamps, so its memory is
/// bounded by the rate the SMSC accepts.
/// </summary>
internal sealed class RateMeter(TimeProvider time)
{
    private readonly Queue<long> _stamps = new();
    private readonly Lock _lock = new();
    private readonly long _oneSecond = time.TimestampFrequency;

    public void Record()
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            _stamps.Enqueue(now);
            Prune(now);
        }
    }

    public int CountInLastSecond()
    {
        lock (_lock)
        {
            Prune(time.GetTimestamp());
            return _stamps.Count;
        }
    }

    private void Prune(long now)
    {
        while (_stamps.Count > 0 && now - _stamps.Peek() >= _oneSecond)
        {
            _stamps.Dequeue();
        }
    }
}
