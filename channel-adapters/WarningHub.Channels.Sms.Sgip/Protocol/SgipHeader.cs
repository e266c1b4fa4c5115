using System.Buffers.Binary;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Sgip.Protocol;

/// <summary>The 20-octet message header: Message Length (header included), Command ID, Sequence Number (12 octets).</summary>
internal readonly record struct SgipHeader(uint Length, SgipCommand Command, SgipSequence Sequence)
{
    public const int Size = 20;

    /// <summary>A SUBMIT to one number is under 400 octets; a larger length means the stream is out of step.</summary>
    public const int MaxLength = 8192;

    public static readonly FrameLayout Layout = new("SGIP", Size, MaxLength);

    public int BodyLength => (int)Length - Size;

    public static SgipHeader Read(ReadOnlySpan<byte> data)
    {
        var header = new SgipHeader(
            BinaryPrimitives.ReadUInt32BigEndian(data),
            (SgipCommand)BinaryPrimitives.ReadUInt32BigEndian(data[4..]),
            SgipSequence.Read(data[8..]));
        if (header.Length is < Size or > MaxLength)
        {
            throw new PduFormatException($"Message Length {header.Length} is outside {Size}..{MaxLength}.");
        }

        return header;
    }

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, Length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], (uint)Command);
        Sequence.Write(destination[8..]);
    }
}
