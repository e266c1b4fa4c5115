using System.Diagnostics;

namespace WarningHub.Bench;

internal static class ProcessMemory
{
    /// <summary>Peak resident set of this process in MiB (VmHWM on Linux).</summary>
    public static double PeakRssMb()
    {
        using var self = Process.GetCurrentProcess();
        return Math.Round(self.PeakWorkingSet64 / (1024.0 * 1024.0), 1);
    }
}
