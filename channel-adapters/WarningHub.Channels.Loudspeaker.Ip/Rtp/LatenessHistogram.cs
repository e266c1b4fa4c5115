namespace WarningHub.Channels.Loudspeaker.Ip.Rtp;

/// <summary>
/// How late packets left against their deadline, in 0.25 ms buckets up to 50 ms (later ones in the last bucket):
/// the sender's own share of the jitter a terminal sees, without any receiver in the measurement.
/// </summary>
internal sealed class LatenessHistogram
{
    private const double BucketMs = 0.25;
    private readonly long[] _buckets = new long[201];

    public void Add(TimeSpan lateness)
    {
        var bucket = (int)Math.Clamp(lateness.TotalMilliseconds / BucketMs, 0, _buckets.Length - 1);
        Interlocked.Increment(ref _buckets[bucket]);
    }

    /// <summary>The upper edge of the bucket holding the <paramref name="fraction"/> quantile (0.99 for p99).</summary>
    public TimeSpan Quantile(double fraction)
    {
        var counts = _buckets.Select(b => Interlocked.Read(ref b)).ToArray();
        var total = counts.Sum();
        if (total == 0)
        {
            return TimeSpan.Zero;
        }

        var wanted = (long)Math.Ceiling(fraction * total);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= wanted)
            {
                return TimeSpan.FromMilliseconds((i + 1) * BucketMs);
            }
        }

        return TimeSpan.FromMilliseconds(counts.Length * BucketMs);
    }
}
