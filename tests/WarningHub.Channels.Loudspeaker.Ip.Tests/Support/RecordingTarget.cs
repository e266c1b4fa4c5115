using System.Net.Sockets;
using WarningHub.Channels.Loudspeaker.Ip.Rtp;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Support;

/// <summary>Keeps every packet a stream sends, with the fake time it left at.</summary>
internal sealed class RecordingTarget(TimeProvider time) : IPacketTarget
{
    private readonly List<(byte[] Packet, long At)> _packets = [];

    public SocketError Result { get; set; } = SocketError.Success;

    public IReadOnlyList<(byte[] Packet, long At)> Packets
    {
        get
        {
            lock (_packets)
            {
                return [.. _packets];
            }
        }
    }

    public SocketError Send(ReadOnlySpan<byte> packet)
    {
        lock (_packets)
        {
            _packets.Add((packet.ToArray(), time.GetTimestamp()));
        }

        return Result;
    }
}
