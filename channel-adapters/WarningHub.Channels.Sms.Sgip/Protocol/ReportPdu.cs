using WarningHub.Channels.Sms.Common.Protocol;

namespace WarningHub.Channels.Sms.Sgip.Protocol;

/// <summary>
/// SGIP 1.2 Report, a status report on the connection the SMG opens to the SP: SubmitSequenceNumber (12, the Sequence
/// Number of the Submit it reports on), ReportType (1; 0 for a Submit), UserNumber (21), State (1: 0 delivered, 1
/// waiting, 2 failed), ErrorCode (1), Reserve (8).
/// </summary>
internal sealed record ReportPdu(SgipSequence SubmitSequence, byte ReportType, string UserNumber, byte State, byte ErrorCode) : ISgipBody
{
    public const byte Delivered = 0;
    public const byte Waiting = 1;
    public const byte Failed = 2;

    public SgipCommand Command => SgipCommand.Report;

    public int BodyLength => SgipSequence.Size + 1 + 21 + 1 + 1 + 8;

    public void Write(ref FieldWriter writer)
    {
        Span<byte> sequence = stackalloc byte[SgipSequence.Size];
        SubmitSequence.Write(sequence);
        writer.Octets(sequence);
        writer.UInt8(ReportType);
        writer.Text(UserNumber, 21, "UserNumber");
        writer.UInt8(State);
        writer.UInt8(ErrorCode);
        writer.Zeros(8);
    }

    public static ReportPdu Read(ReadOnlySpan<byte> body)
    {
        var r = new FieldReader(body);
        var pdu = new ReportPdu(SgipSequence.Read(r.Octets(SgipSequence.Size, "SubmitSequenceNumber")), r.UInt8("ReportType"), r.Text(21, "UserNumber"), r.UInt8("State"), r.UInt8("ErrorCode"));
        r.Octets(8, "Reserve");
        return pdu;
    }
}
