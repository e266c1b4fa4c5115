using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace WarningHub.Simulators.Speakers;

/// <summary>
/// When a datagram reached the host, as the Linux kernel stamped it (ioctl SIOCGSTAMP: the receive stamp of the
/// last datagram handed to the application), in microseconds. A terminal measures jitter on arrival at its network
/// interface; stamping in the receive loop instead would add the simulator's own thread-pool delays to every figure.
/// The kernel's clock for these stamps is not guaranteed to be the wall clock (on loopback it can be a monotonic
/// delivery time), so the stamps are only compared with each other (jitter), never with another clock. Elsewhere
/// <see cref="Stopwatch"/> is read instead.
/// </summary>
internal static class KernelReceiveClock
{
    private const uint SiocGStamp = 0x8906;

    /// <summary>Microseconds per second: the unit of <see cref="Read"/>.</summary>
    public const long Frequency = 1_000_000;

    /// <summary>Asks the kernel to stamp this socket's datagrams (the first SIOCGSTAMP turns stamping on).</summary>
    public static void Enable(Socket socket) => Read(socket);

    public static long Read(Socket socket)
    {
        if (OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64
            && Ioctl((int)socket.Handle, SiocGStamp, out var stamp) == 0)
        {
            return (stamp.Seconds * Frequency) + stamp.Microseconds;
        }

        return Stopwatch.GetTimestamp() / (Stopwatch.Frequency / Frequency);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeValue
    {
        public long Seconds;
        public long Microseconds;
    }

    [DllImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Ioctl(int descriptor, nuint request, out TimeValue value);
}
