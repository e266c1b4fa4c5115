using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Cmpp.Protocol;
using WarningHub.Channels.Sms.Cmpp.Receipts;
using WarningHub.Channels.Sms.Cmpp.Tests.Support;
using WarningHub.Channels.Sms.Common.Text;
using WarningHub.Testing.Vectors;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Protocol;

/// <summary>DELIVER bodies and status reports written by hand from the field tables, read by the adapter.</summary>
public class DeliverVectorTests
{
    private const string ReportMsgId = "73B22E001234ABCD";

    private static string ReportContent(int terminalWidth, string stat) => string.Concat(
        ReportMsgId,                                           // Msg_Id of the SUBMIT_RESP
        stat,                                                  // Stat (7)
        "32363037303731323334",                                // Submit_time "2607071234"
        "32363037303731323335",                                // Done_time "2607071235"
        "3133383030313338303030", Hex.Zeros(terminalWidth - 11), // Dest_terminal_Id
        "0000002A");                                           // SMSC_sequence 42

    [Fact]
    public void StatusReport20_IsReadIntoADeliveredReceiptForTheSubmittedMsgId()
    {
        var body = Hex.Of(
            "0102030405060708",                    // Msg_Id of the DELIVER itself
            "3130363537303031", Hex.Zeros(13),     // Dest_Id "10657001" (21)
            Hex.Zeros(10),                         // Service_Id
            "00", "00", "00",                      // TP_pid, TP_udhi, Msg_Fmt
            "3133383030313338303030", Hex.Zeros(10), // Src_terminal_Id (21)
            "01",                                  // Registered_Delivery: a status report
            "3C",                                  // Msg_Length 60
            ReportContent(21, "44454C49565244"),   // DELIVRD
            Hex.Zeros(8));                         // Reserved

        var deliver = DeliverPdu.Read(body, CmppVersion.V20);
        var receipt = new StatusReportReader(TimeSpan.FromHours(8), TimeProvider.System).Read(deliver.MsgContent.Span, CmppVersion.V20);

        Assert.True(deliver.IsStatusReport);
        Assert.Equal(new Receipt(ReportMsgId, DeliveryStatus.Delivered, "DELIVRD", new DateTimeOffset(2026, 7, 7, 4, 35, 0, TimeSpan.Zero)), receipt);
    }

    [Fact]
    public void StatusReport30_WithUndeliv_IsAFailedReceiptCarryingTheStatWord()
    {
        var body = Hex.Of(
            "0102030405060708",
            "3130363537303031", Hex.Zeros(13),
            Hex.Zeros(10),
            "00", "00", "00",
            "3133383030313338303030", Hex.Zeros(21), // Src_terminal_Id (32)
            "00",                                    // Src_terminal_type (3.0 only)
            "01",
            "47",                                    // Msg_Length 71
            ReportContent(32, "554E44454C4956"),     // UNDELIV
            Hex.Zeros(20));                          // LinkID

        var deliver = DeliverPdu.Read(body, CmppVersion.V30);
        var receipt = new StatusReportReader(TimeSpan.FromHours(8), TimeProvider.System).Read(deliver.MsgContent.Span, CmppVersion.V30);

        Assert.Equal((ReportMsgId, DeliveryStatus.Failed, "UNDELIV"), (receipt.ProviderMessageId, receipt.Status, receipt.Code));
        Assert.Equal(42u, StatusReportContent.Read(deliver.MsgContent.Span, CmppVersion.V30).SmscSequence);
    }

    [Theory]
    [InlineData(MessageFormat.Ucs2, "60A8597D", "您好")]
    [InlineData(MessageFormat.Gbk, "C4FABAC3", "您好")]
    [InlineData(MessageFormat.Ascii, "4F4B", "OK")]
    public void MobileOriginatedText_IsDecodedPerMsgFmt(byte format, string content, string text)
    {
        Assert.Equal(text, MessageText.Decode(Hex.Of(content), format, hasUdh: false));
    }

    [Fact]
    public void MobileOriginatedText_WithAUdh_HasTheHeaderSkipped()
    {
        Assert.Equal("收到", MessageText.Decode(Hex.Of("050003010201", "6536 5230"), MessageFormat.Ucs2, hasUdh: true));
    }

    [Fact]
    public void Deliver_WhoseMsgLengthRunsPastTheBody_IsRefused()
    {
        var body = Hex.Of(Hex.Zeros(8 + 21 + 10 + 3 + 21), "00", "FF", "4142");

        Assert.Throws<CmppPduException>(() => DeliverPdu.Read(body, CmppVersion.V20));
    }
}
