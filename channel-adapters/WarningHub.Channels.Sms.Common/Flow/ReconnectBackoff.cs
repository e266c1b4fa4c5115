using System.Security.Cryptography;

namespace WarningHub.Channels.Sms.Common.Flow;

/// <summary>Reconnect delays: exponential from the minimum to the maximum, then "equal jitter" (half fixed, half random).</summary>
internal static class ReconnectBackoff
{
    public static TimeSpan Delay(int failures, TimeSpan min, TimeSpan max)
    {
        var delay = Math.Min(min.Ticks * Math.Pow(2, Math.Min(failures, 30)), max.Ticks);
        return TimeSpan.FromTicks((long)((delay / 2) + (delay / 2 * (RandomNumberGenerator.GetInt32(1_000) / 1_000.0))));
    }
}
