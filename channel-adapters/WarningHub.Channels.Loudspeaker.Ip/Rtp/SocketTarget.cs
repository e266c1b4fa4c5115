using System.Net;
using System.Net.Sockets;

namespace WarningHub.Channels.Loudspeaker.Ip.Rtp;

/// <summary>One destination on a shared UDP socket; the address is serialised once so a send allocates nothing.</summary>
internal sealed class SocketTarget(Socket socket, IPEndPoint destination) : IPacketTarget
{
    private readonly SocketAddress _address = destination.Serialize();

    public IPEndPoint Destination { get; } = destination;

    public SocketError Send(ReadOnlySpan<byte> packet)
    {
        try
        {
            socket.SendTo(packet, SocketFlags.None, _address);
            return SocketError.Success;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode;
        }
        catch (ObjectDisposedException)
        {
            return SocketError.Shutdown;
        }
    }
}
