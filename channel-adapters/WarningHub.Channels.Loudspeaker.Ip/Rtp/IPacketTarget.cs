using System.Net.Sockets;

namespace WarningHub.Channels.Loudspeaker.Ip.Rtp;

/// <summary>Where a stream's packets go: a socket and a destination, or a recorder in tests.</summary>
internal interface IPacketTarget
{
    /// <summary>Sends one datagram; returns <see cref="SocketError.Success"/> or the error, never throws.</summary>
    SocketError Send(ReadOnlySpan<byte> packet);
}
