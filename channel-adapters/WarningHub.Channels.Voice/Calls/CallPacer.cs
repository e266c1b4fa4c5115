namespace WarningHub.Channels.Voice;

/// <summary>
/// Spaces call requests evenly at most <c>perSecond</c> a second: each request takes the next free slot and waits
/// for it on the given clock, so a burst of 叫应 calls is paced, not refused, and never exceeds the contracted rate.
/// </summary>
internal sealed class CallPacer(int perSecond, TimeProvider time)
{
    private readonly TimeSpan _interval = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / Math.Max(1, perSecond));
    private readonly Lock _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>Waits for this request's slot; returns the time it was given.</summary>
    public async ValueTask<DateTimeOffset> WaitTurnAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        DateTimeOffset slot;
        lock (_gate)
        {
            slot = _next > now ? _next : now;
            _next = slot + _interval;
        }

        if (slot > now) await Task.Delay(slot - now, time, cancellationToken).ConfigureAwait(false);
        return slot;
    }
}
