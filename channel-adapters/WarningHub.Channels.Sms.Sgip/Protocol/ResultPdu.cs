using WarningHub.Channels.Sms.Common.Protocol;

namespace WarningHub.Channels.Sms.Sgip.Protocol;

/// <summary>Bind_Resp, Submit_Resp, Deliver_Resp and Report_Resp share one body: Result (1), Reserve (8).</summary>
internal sealed record ResultPdu(SgipCommand Command, byte Result) : ISgipBody
{
    public int BodyLength => 1 + 8;

    public void Write(ref FieldWriter writer)
    {
        writer.UInt8(Result);
        writer.Zeros(8);
    }

    public static ResultPdu Read(SgipCommand command, ReadOnlySpan<byte> body)
    {
        var r = new FieldReader(body);
        var result = r.UInt8("Result");
        r.Octets(8, "Reserve");
        return new ResultPdu(command, result);
    }
}
