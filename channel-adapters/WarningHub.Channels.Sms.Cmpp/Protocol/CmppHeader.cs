using System.Buffers.Binary;

namespace WarningHub.Channels.Sms.Cmpp.Protocol;

/// <summary>The 12-octet message header: Total_Length (header included), Command_Id, Sequence_Id, all big-endian.</summary>
internal readonly record struct CmppHeader(uint TotalLength, CmppCommand Command, uint Sequence)
{
    public const int Size = 12;

    /// <summary>No CMPP PDU comes near this; a larger length means the stream is out of step.</summary>
    public const int MaxTotalLength = 4096;

    public int BodyLength => (int)TotalLength - Size;

    public static CmppHeader Read(ReadOnlySpan<byte> data)
    {
        var header = new CmppHeader(
            BinaryPrimitives.ReadUInt32BigEndian(data),
            (CmppCommand)BinaryPrimitives.ReadUInt32BigEndian(data[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[8..]));
        if (header.TotalLength is < Size or > MaxTotalLength)
        {
            throw new CmppPduException($"Total_Length {header.TotalLength} is outside {Size}..{MaxTotalLength}.");
        }

        return header;
    }

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, TotalLength);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], (uint)Command);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Sequence);
    }
}
