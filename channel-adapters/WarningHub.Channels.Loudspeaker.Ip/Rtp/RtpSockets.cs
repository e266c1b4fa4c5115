using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace WarningHub.Channels.Loudspeaker.Ip.Rtp;

/// <summary>
/// The UDP sockets streams leave by: one for every unicast destination, and one per multicast TTL (TTL is a socket
/// option), all bound to the configured local address. Sockets are made on first use.
/// </summary>
internal sealed class RtpSockets(IPAddress localAddress, IPAddress? multicastInterface) : IDisposable
{
    private const int SendBufferBytes = 1 << 20;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<int, Socket> _multicast = new();
    private Socket? _unicast;

    public IPacketTarget Unicast(IPEndPoint destination)
    {
        lock (_gate)
        {
            _unicast ??= Open();
        }

        return new SocketTarget(_unicast, destination);
    }

    public IPacketTarget Multicast(IPEndPoint group, int ttl) =>
        new SocketTarget(_multicast.GetOrAdd(ttl, OpenMulticast), group);

    /// <summary>The multicast socket for <paramref name="ttl"/>, for tests of its options.</summary>
    internal Socket MulticastSocket(int ttl) => _multicast.GetOrAdd(ttl, OpenMulticast);

    public void Dispose()
    {
        _unicast?.Dispose();
        foreach (var socket in _multicast.Values)
        {
            socket.Dispose();
        }
    }

    private Socket Open()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { SendBufferSize = SendBufferBytes };
        socket.Bind(new IPEndPoint(localAddress, 0));
        return socket;
    }

    private Socket OpenMulticast(int ttl)
    {
        var socket = Open();
        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, ttl);

        // Terminals on this host (and the simulator) hear the group too.
        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, true);
        if (multicastInterface is not null)
        {
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, multicastInterface.GetAddressBytes());
        }

        return socket;
    }
}
