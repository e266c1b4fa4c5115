using WarningHub.Channels.Sms.Common.Protocol;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Sgip.Protocol;

/// <summary>
/// SGIP 1.2 Deliver, a handset's message (MO) on the connection the SMG opens to the SP: UserNumber (21), SPNumber
/// (21), TP_pid, TP_udhi, MessageCoding (1 each), MessageLength (4), MessageContent, Reserve (8).
/// </summary>
internal sealed record DeliverPdu : ISgipBody
{
    public SgipCommand Command => SgipCommand.Deliver;

    /// <summary>The sender, usually "86" + the mobile number.</summary>
    public string UserNumber { get; init; } = string.Empty;

    /// <summary>The number the handset sent to: our access number, maybe with an extension.</summary>
    public string SpNumber { get; init; } = string.Empty;

    public byte TpPid { get; init; }

    public byte TpUdhi { get; init; }

    public byte MessageCoding { get; init; }

    public ReadOnlyMemory<byte> MessageContent { get; init; }

    public int BodyLength => 21 + 21 + 1 + 1 + 1 + 4 + MessageContent.Length + 8;

    public void Write(ref FieldWriter writer)
    {
        writer.Text(UserNumber, 21, "UserNumber");
        writer.Text(SpNumber, 21, "SPNumber");
        writer.UInt8(TpPid);
        writer.UInt8(TpUdhi);
        writer.UInt8(MessageCoding);
        writer.UInt32((uint)MessageContent.Length);
        writer.Octets(MessageContent.Span);
        writer.Zeros(8);
    }

    public static DeliverPdu Read(ReadOnlySpan<byte> body)
    {
        var r = new FieldReader(body);
        var pdu = new DeliverPdu
        {
            UserNumber = r.Text(21, "UserNumber"),
            SpNumber = r.Text(21, "SPNumber"),
            TpPid = r.UInt8("TP_pid"),
            TpUdhi = r.UInt8("TP_udhi"),
            MessageCoding = r.UInt8("MessageCoding"),
        };
        var length = r.UInt32("MessageLength");
        if (length > 160)
        {
            throw new PduFormatException($"MessageLength {length} is over 160.");
        }

        var content = r.Octets((int)length, "MessageContent").ToArray();
        r.Octets(8, "Reserve");
        return pdu with { MessageContent = content };
    }
}
