using System.Buffers.Binary;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Smgp.Protocol;

/// <summary>The 12-octet message header: PacketLength (header included), RequestID, SequenceID, all big-endian.</summary>
internal readonly record struct SmgpHeader(uint Length, SmgpCommand Command, uint Sequence)
{
    public const int Size = 12;

    /// <summary>No SMGP PDU to one number comes near this; a larger length means the stream is out of step.</summary>
    public const int MaxLength = 4096;

    public static readonly FrameLayout Layout = new("SMGP", Size, MaxLength);

    public int BodyLength => (int)Length - Size;

    public static SmgpHeader Read(ReadOnlySpan<byte> data)
    {
        var header = new SmgpHeader(
            BinaryPrimitives.ReadUInt32BigEndian(data),
            (SmgpCommand)BinaryPrimitives.ReadUInt32BigEndian(data[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[8..]));
        if (header.Length is < Size or > MaxLength)
        {
            throw new PduFormatException($"PacketLength {header.Length} is outside {Size}..{MaxLength}.");
        }

        return header;
    }

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, Length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], (uint)Command);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Sequence);
    }
}
