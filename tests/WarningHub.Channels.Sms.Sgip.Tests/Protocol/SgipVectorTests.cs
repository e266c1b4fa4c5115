using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Sgip.Protocol;
using WarningHub.Testing.Vectors;

namespace WarningHub.Channels.Sms.Sgip.Tests.Protocol;

/// <summary>SGIP 1.2 PDUs against vectors written field by field from the specification's tables.</summary>
public class SgipVectorTests
{
    // Node 3000012345 (3 + area 0000 + CorpId 12345), 7 December 18:30:00 Beijing time, counter 7.
    private static readonly SgipSequence Sequence = new(3_000_012_345, 1_207_183_000, 7);
    private const string SequenceHex = "B2D08E39 47F42698 00000007";

    [Fact]
    public void Sequence_IsNodeTimeAndCounter_AndItsTimeIsMonthDayHourMinuteSecondAsADecimalNumber()
    {
        var at = new DateTimeOffset(2026, 12, 7, 18, 30, 0, TimeSpan.FromHours(8));

        Assert.Equal(1_207_183_000u, SgipSequence.TimeOf(at));
        Assert.Equal("3000012345-1207183000-7", Sequence.ToString());
        Assert.Equal("2000012345-0101000000-1", new SgipSequence(2_000_012_345, 101_000_000, 1).ToString());
    }

    [Fact]
    public void Bind_IsLoginTypeNamePasswordAndReserve_BehindATwentyOctetHeader()
    {
        var frame = SgipFrame.Build(new BindPdu(BindPdu.SpToSmg, "sp-login", "secret"), Sequence);

        Assert.Equal(Hex.Of(
            "0000003D 00000001", SequenceHex,        // Message Length 61, Bind, Sequence Number (12)
            "01",                                    // Login Type 1: SP to SMG
            "73702D6C6F67696E", Hex.Zeros(8),        // Login Name "sp-login" (16)
            "736563726574", Hex.Zeros(10),           // Login Password "secret" (16)
            Hex.Zeros(8)),                           // Reserve
            frame);
    }

    [Fact]
    public void Submit_CarriesEveryFieldOfTheTable_InOrder_WithAFourOctetMessageLength()
    {
        var submit = new SubmitPdu
        {
            SpNumber = "10655001",
            UserNumbers = ["8613000130000"],
            CorpId = "12345",
            ServiceType = "WARN",
            ReportFlag = 1,
            MessageCoding = 8,
            MessageContent = Hex.Of("66B4 96E8"), // 暴雨 in UCS2 big-endian
        };

        var frame = SgipFrame.Build(submit, Sequence);

        Assert.Equal(Hex.Of(
            "000000A8 00000003", SequenceHex,            // Message Length 168, Submit
            "3130363535303031", Hex.Zeros(13),           // SPNumber "10655001" (21)
            string.Concat(Enumerable.Repeat("30", 21)),  // ChargeNumber: 21 zeros, the SP pays
            "01",                                        // UserCount
            "38363133303030313330303030", Hex.Zeros(8),  // UserNumber "8613000130000" (21)
            "3132333435",                                // CorpId "12345" (5)
            "5741524E", Hex.Zeros(6),                    // ServiceType "WARN" (10)
            "01",                                        // FeeType 1: free
            "30", Hex.Zeros(5), "30", Hex.Zeros(5),      // FeeValue "0", GivenValue "0" (6 each)
            "00", "02", "00",                            // AgentFlag, MorelatetoMTFlag 2 (not caused by an MO), Priority
            Hex.Zeros(16), Hex.Zeros(16),                // ExpireTime, ScheduleTime
            "01", "00", "00", "08", "00",                // ReportFlag 1, TP_pid, TP_udhi, MessageCoding 8 (UCS2), MessageType 0
            "00000004", "66B496E8",                      // MessageLength (4 octets), MessageContent
            Hex.Zeros(8)),                               // Reserve
            frame);
        var read = SubmitPdu.Read(frame.AsSpan(SgipHeader.Size));
        Assert.Equal(("10655001", "8613000130000", "12345", "WARN", (byte)1, (byte)8), (read.SpNumber, read.UserNumbers[0], read.CorpId, read.ServiceType, read.ReportFlag, read.MessageCoding));
    }

    [Fact]
    public void Report_NamesTheSubmitBySequenceNumber_AndCarriesStateAndErrorCode()
    {
        var body = Hex.Of(
            SequenceHex,                                 // SubmitSequenceNumber
            "00",                                        // ReportType 0: a Submit
            "38363133303030313330303030", Hex.Zeros(8),  // UserNumber (21)
            "02", "1C",                                  // State 2 (failed), ErrorCode 28
            Hex.Zeros(8));                               // Reserve

        var report = ReportPdu.Read(body);

        Assert.Equal(new ReportPdu(Sequence, 0, "8613000130000", ReportPdu.Failed, 28), report);
        Assert.Equal(Hex.Of("00000040 00000005", SequenceHex, Hex.Of(body)), SgipFrame.Build(report, Sequence));
    }

    [Fact]
    public void Deliver_IsReadFieldByField_WithItsFourOctetMessageLength()
    {
        var body = Hex.Of(
            "38363133303030313330303030", Hex.Zeros(8),  // UserNumber "8613000130000"
            "3130363535303031", Hex.Zeros(13),           // SPNumber "10655001"
            "00", "00", "08",                            // TP_pid, TP_udhi, MessageCoding 8
            "00000004", "65365230",                      // MessageLength, 收到
            Hex.Zeros(8));

        var deliver = DeliverPdu.Read(body);

        Assert.Equal(("8613000130000", "10655001", (byte)8), (deliver.UserNumber, deliver.SpNumber, deliver.MessageCoding));
        Assert.Equal(Hex.Of("65365230"), deliver.MessageContent.ToArray());
    }

    [Fact]
    public void Deliver_WhoseLengthLies_IsAFormatError_NamingTheField()
    {
        var body = Hex.Of(Hex.Zeros(42), "000008", "00000010", "6536");

        var ex = Assert.Throws<PduFormatException>(() => DeliverPdu.Read(body));

        Assert.Contains("MessageContent", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Responses_AreResultAndReserve()
    {
        Assert.Equal(Hex.Of("0000001D 80000003", SequenceHex, "0B", Hex.Zeros(8)), SgipFrame.Build(new ResultPdu(SgipCommand.SubmitResp, 11), Sequence));
        Assert.Equal(Hex.Of("00000014 80000002", SequenceHex), SgipFrame.HeaderOnly(SgipCommand.UnbindResp, Sequence));
    }
}
