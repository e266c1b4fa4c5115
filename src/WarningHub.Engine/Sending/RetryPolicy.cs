using Microsoft.Extensions.Options;

namespace WarningHub.Engine.Sending;

/// <summary>
/// Exponential back-off with jitter that never schedules an attempt at or after the warning's expiry.
/// The engine's policy: adapters only report temporary or permanent failure.
/// </summary>
public sealed class RetryPolicy(IOptions<EngineOptions> options, Func<double>? jitter = null)
{
    private readonly Func<double> _jitter = jitter ?? Random.Shared.NextDouble;

    /// <summary>When to try again after <paramref name="attemptsSoFar"/> attempts, or null to give up.</summary>
    public DateTimeOffset? NextAttempt(int attemptsSoFar, DateTimeOffset now, DateTimeOffset? expires, TimeSpan? retryAfter = null)
    {
        var o = options.Value;
        if (attemptsSoFar >= o.MaxAttempts) return null;
        var exponent = Math.Clamp(attemptsSoFar - 1, 0, 30);
        var ceiling = Math.Min(o.RetryMaxDelay.TotalMilliseconds, o.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        // "Equal jitter": half fixed, half random, so retries of a throttled burst spread out but never come too soon.
        var delay = TimeSpan.FromMilliseconds(ceiling / 2 + ceiling / 2 * _jitter());
        if (retryAfter is { } hint && hint > delay) delay = hint;
        var next = now + delay;
        return expires is { } end && next >= end ? null : next;
    }
}
