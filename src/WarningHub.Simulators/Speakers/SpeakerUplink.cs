using System.Net;
using System.Net.Sockets;

namespace WarningHub.Simulators.Speakers;

/// <summary>
/// One UDP socket on 127.0.0.1 that many simulated terminals send their heartbeats and play reports through, so a
/// county of terminals costs one RTP socket each instead of two. The adapter keys a terminal by the datagram's source
/// address and the <c>port</c> field, not by the source port, so sharing the socket changes nothing it sees.
/// </summary>
public sealed class SpeakerUplink : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public SpeakerUplink() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    /// <summary>Sends one datagram; a lost one is what the adapter must cope with anyway.</summary>
    internal void Send(ReadOnlySpan<byte> datagram, EndPoint target)
    {
        try
        {
            _socket.SendTo(datagram, SocketFlags.None, target);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Dropped, as UDP may drop it.
        }
    }

    public void Dispose() => _socket.Dispose();
}
