using System.Diagnostics;
using System.Runtime.InteropServices;

namespace WarningHub.Channels.Loudspeaker.Ip.Rtp;

/// <summary>
/// Sleeps until an absolute <see cref="Stopwatch"/> timestamp with clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)
/// on Linux, where Stopwatch timestamps are CLOCK_MONOTONIC nanoseconds. Thread.Sleep rounds to whole milliseconds
/// and lands anywhere in a ~1 ms window; an absolute high-resolution timer wakes within tens of microseconds and,
/// being absolute, cannot drift however late the call is made.
/// </summary>
internal static class MonotonicSleep
{
    private const int ClockMonotonic = 1;
    private const int AbsoluteTime = 1;
    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>Whether <see cref="Until"/> works here (Linux, 64-bit, nanosecond Stopwatch).</summary>
    public static bool IsSupported { get; } =
        OperatingSystem.IsLinux() && Environment.Is64BitProcess && Stopwatch.Frequency == NanosPerSecond && Probe();

    /// <summary>Sleeps until <paramref name="timestamp"/> (a Stopwatch timestamp); returns at once if it has passed.</summary>
    public static void Until(long timestamp)
    {
        var at = new TimeSpec { Seconds = timestamp / NanosPerSecond, Nanoseconds = timestamp % NanosPerSecond };

        // EINTR (a signal) only ends the sleep early; the caller re-checks the clock.
        _ = ClockNanosleep(ClockMonotonic, AbsoluteTime, ref at, IntPtr.Zero);
    }

    private static bool Probe()
    {
        try
        {
            var past = new TimeSpec { Seconds = 0, Nanoseconds = 1 };
            return ClockNanosleep(ClockMonotonic, AbsoluteTime, ref past, IntPtr.Zero) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_nanosleep")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockNanosleep(int clock, int flags, ref TimeSpec request, IntPtr remaining);
}
