using System.Buffers.Binary;
using System.Globalization;

namespace WarningHub.Channels.Sms.Sgip.Protocol;

/// <summary>
/// SGIP's 12-octet Sequence Number: the sender's node id, the time it was made (MMDDhhmmss as a decimal number) and a
/// counter. The SMG's Report names a SUBMIT by it, so it is also the message id the hub keeps: rendered as
/// <c>node-time-counter</c> in decimal, e.g. <c>3053112345-1207183000-17</c>.
/// </summary>
internal readonly record struct SgipSequence(uint Node, uint Time, uint Number)
{
    public const int Size = 12;

    public static SgipSequence Read(ReadOnlySpan<byte> data) => new(
        BinaryPrimitives.ReadUInt32BigEndian(data),
        BinaryPrimitives.ReadUInt32BigEndian(data[4..]),
        BinaryPrimitives.ReadUInt32BigEndian(data[8..]));

    /// <summary>The MMDDhhmmss number of a moment in the sender's clock.</summary>
    public static uint TimeOf(DateTimeOffset local) =>
        (uint)((local.Month * 100_000_000) + (local.Day * 1_000_000) + (local.Hour * 10_000) + (local.Minute * 100) + local.Second);

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, Node);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Time);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Number);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Node}-{Time:D10}-{Number}");
}
