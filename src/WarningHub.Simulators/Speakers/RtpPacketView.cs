using System.Buffers.Binary;

namespace WarningHub.Simulators.Speakers;

/// <summary>The simulator's own reading of an RTP packet (RFC 3550 §5.1), independent of the adapter's writer.</summary>
public readonly record struct RtpPacketView(int Version, bool Padding, bool Marker, int PayloadType, ushort Sequence, uint Timestamp, uint Ssrc, int PayloadOffset, int PayloadLength)
{
    /// <summary>Reads a packet; false when it is too short or its CSRC list / extension / padding do not fit.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpPacketView view)
    {
        view = default;
        if (packet.Length < 12)
        {
            return false;
        }

        var csrcCount = packet[0] & 0x0F;
        var offset = 12 + (csrcCount * 4);
        if ((packet[0] & 0x10) != 0)
        {
            if (packet.Length < offset + 4)
            {
                return false;
            }

            offset += 4 + (BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(offset + 2, 2)) * 4);
        }

        var padding = (packet[0] & 0x20) != 0;
        var end = packet.Length - (padding ? packet[^1] : 0);
        if (offset > end)
        {
            return false;
        }

        view = new RtpPacketView(
            packet[0] >> 6,
            padding,
            (packet[1] & 0x80) != 0,
            packet[1] & 0x7F,
            BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(2, 2)),
            BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(4, 4)),
            BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(8, 4)),
            offset,
            end - offset);
        return true;
    }
}
