namespace WarningHub.Channels.Loudspeaker.Ip.Rtp;

/// <summary>
/// When each packet of a stream is due, as an absolute <see cref="TimeProvider"/> timestamp computed from the
/// stream's start (never by adding intervals, so no drift accumulates): packet k is due at
/// start + max(0, k × packet time − lead).
/// </summary>
/// <param name="Start">The stream's start, in <see cref="TimeProvider.GetTimestamp"/> units.</param>
/// <param name="Frequency"><see cref="TimeProvider.TimestampFrequency"/>.</param>
/// <param name="PacketTime">Audio per packet.</param>
/// <param name="Lead">How far ahead of real time the stream runs (the first packets leave at once).</param>
internal readonly record struct PacketSchedule(long Start, long Frequency, TimeSpan PacketTime, TimeSpan Lead)
{
    public long DueAt(long index)
    {
        var offsetTicks = ((Int128)index * PacketTime.Ticks) - Lead.Ticks;
        if (offsetTicks <= 0)
        {
            return Start;
        }

        return Start + (long)(offsetTicks * Frequency / TimeSpan.TicksPerSecond);
    }

    /// <summary>The timestamp span of <paramref name="duration"/>.</summary>
    public long Span(TimeSpan duration) => (long)((Int128)duration.Ticks * Frequency / TimeSpan.TicksPerSecond);
}
