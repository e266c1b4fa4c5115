using System.Diagnostics;

namespace WarningHub.Testing;

/// <summary>
/// Bounded polling for a condition reached by other threads or processes. It waits for a signal that something
/// happened; it is never a way to assert on speed, nor to show that something did not happen.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>True as soon as <paramref name="condition"/> holds; false when it still does not after the timeout (default 10 s).</summary>
    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null, TimeSpan? every = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return TrueAsync(() => Task.FromResult(condition()), timeout, every);
    }

    /// <summary>True as soon as <paramref name="condition"/> holds; false when it still does not after the timeout (default 10 s).</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, TimeSpan? every = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? DefaultTimeout;
        var pause = every ?? TimeSpan.FromMilliseconds(10);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (await condition()) return true;
            await Task.Delay(pause);
        }
        return await condition();
    }

    /// <summary>
    /// The blocking form, for set-up code that cannot be async (a constructor waiting for a child process's files):
    /// true as soon as <paramref name="condition"/> holds, false when it still does not after the timeout.
    /// </summary>
    public static bool True(Func<bool> condition, TimeSpan? timeout = null, TimeSpan? every = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? DefaultTimeout;
        var pause = every ?? TimeSpan.FromMilliseconds(10);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (condition()) return true;
            Thread.Sleep(pause);
        }
        return condition();
    }
}
