using System.Buffers.Binary;

namespace WarningHub.Channels.Loudspeaker.Ip.Rtp;

/// <summary>
/// The fixed 12-byte RTP header of RFC 3550 §5.1, as this adapter sends it: version 2, no padding, no extension,
/// no CSRC list (we are the only source).
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// |V=2|P|X|  CC   |M|     PT      |       sequence number         |
/// |                           timestamp                           |
/// |           synchronization source (SSRC) identifier            |
/// </code>
/// </summary>
internal readonly record struct RtpHeader(bool Marker, byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc)
{
    public const int Length = 12;
    public const int Version = 2;

    /// <summary>Writes the header into the first 12 bytes of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException("An RTP header needs 12 bytes.", nameof(destination));
        }

        if (PayloadType > 127)
        {
            throw new InvalidOperationException("The payload type has 7 bits.");
        }

        destination[0] = Version << 6;
        destination[1] = (byte)((Marker ? 0x80 : 0) | PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Ssrc);
    }

    /// <summary>Reads a header, skipping CSRCs and an extension; false for anything that is not RTP version 2.</summary>
    public static bool TryRead(ReadOnlySpan<byte> packet, out RtpHeader header, out int payloadOffset)
    {
        header = default;
        payloadOffset = 0;
        if (packet.Length < Length || packet[0] >> 6 != Version)
        {
            return false;
        }

        payloadOffset = Length + (4 * (packet[0] & 0x0F));
        if ((packet[0] & 0x10) != 0)
        {
            if (packet.Length < payloadOffset + 4)
            {
                return false;
            }

            payloadOffset += 4 + (4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(payloadOffset + 2)..]));
        }

        if (payloadOffset > packet.Length)
        {
            return false;
        }

        header = new RtpHeader(
            (packet[1] & 0x80) != 0,
            (byte)(packet[1] & 0x7F),
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[8..]));
        return true;
    }
}
