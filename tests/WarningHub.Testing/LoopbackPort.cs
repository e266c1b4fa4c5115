using System.Net;
using System.Net.Sockets;

namespace WarningHub.Testing;

/// <summary>A TCP port on 127.0.0.1 that was free a moment ago: for a server whose address must be known before it starts.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
