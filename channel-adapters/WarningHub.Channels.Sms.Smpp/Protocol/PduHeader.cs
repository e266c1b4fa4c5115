using System.Buffers.Binary;

namespace WarningHub.Channels.Sms.Smpp.Protocol;

/// <summary>The 16-octet header every SMPP PDU starts with.</summary>
internal readonly record struct PduHeader(uint Length, CommandId CommandId, uint Status, uint Sequence)
{
    public const int Size = 16;

    /// <summary>
    /// No PDU of ours comes near this: submit_sm tops out around 450 octets and message_payload, which we do not
    /// send, at 64 KiB. Anything longer is a broken or hostile peer, and waiting for it would hang the reader.
    /// </summary>
    public const int MaxLength = 70_000;

    /// <summary>Reads a header and checks the length bounds; the body need not have arrived yet.</summary>
    public static PduHeader Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < Size)
        {
            throw new SmppPduException($"A PDU header needs {Size} octets, got {source.Length}.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(source);
        if (length < Size || length > MaxLength)
        {
            throw new SmppPduException($"command_length {length} is outside {Size}..{MaxLength}.", CommandStatus.InvalidCommandLength);
        }

        return new PduHeader(
            length,
            (CommandId)BinaryPrimitives.ReadUInt32BigEndian(source[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[12..]));
    }
}
