using WarningHub.Channels.Sms.Common.Protocol;

namespace WarningHub.Channels.Sms.Smgp.Protocol;

/// <summary>Submit_Resp and Deliver_Resp: MsgID (10), Status (4).</summary>
internal sealed record MsgIdStatusPdu(SmgpCommand Command, SmgpMsgId MsgId, uint Status) : ISmgpBody
{
    public int BodyLength => SmgpMsgId.Size + 4;

    public void Write(ref FieldWriter writer)
    {
        writer.Octets(MsgId.ToOctets());
        writer.UInt32(Status);
    }

    public static MsgIdStatusPdu Read(SmgpCommand command, ReadOnlySpan<byte> body)
    {
        var r = new FieldReader(body);
        return new MsgIdStatusPdu(command, SmgpMsgId.Read(r.Octets(SmgpMsgId.Size, "MsgID")), r.UInt32("Status"));
    }
}
