using System.Runtime.InteropServices;

namespace WarningHub.Channels.Loudspeaker.Ip.Rtp;

/// <summary>
/// Raises the pacing thread's scheduling priority on Linux (nice −10), where .NET's <see cref="Thread.Priority"/>
/// does nothing. On Linux setpriority(PRIO_PROCESS, 0, …) applies to the calling thread only, so only the pacer is
/// raised. Without the right to do so (no CAP_SYS_NICE, RLIMIT_NICE too low) the call fails and nothing changes.
/// </summary>
internal static class PacerThreadPriority
{
    private const int ProcessPriority = 0;
    private const int Nice = -10;

    /// <summary>Tries to raise the calling thread; returns whether it worked.</summary>
    public static bool TryRaiseCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return SetPriority(ProcessPriority, 0, Nice) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, uint who, int priority);
}
