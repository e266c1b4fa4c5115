using System.Text;
using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Smgp.Protocol;
using WarningHub.Testing.Vectors;

namespace WarningHub.Channels.Sms.Smgp.Tests.Protocol;

/// <summary>SMGP 3.0 PDUs against vectors written field by field from the specification's tables.</summary>
public class SmgpVectorTests
{
    [Fact]
    public void Login_CarriesTheMd5AuthenticatorOfClientIdSevenZerosSecretAndTimestamp()
    {
        var at = new DateTimeOffset(2026, 12, 7, 18, 30, 0, TimeSpan.FromHours(8));

        var frame = SmgpFrame.Build(LoginPdu.Create("10650001", "secret", at), 1);

        Assert.Equal(Hex.Of(
            "0000002A 00000001 00000001",            // PacketLength 42, Login, SequenceID 1
            "3130363530303031",                      // ClientID "10650001" (8)
            "91BFCDF7377EC60A5B547BBB5BCEB691",      // MD5("10650001" + 7 x 00 + "secret" + "1207183000")
            "02",                                    // LoginMode 2: send and receive
            "47F42698",                              // TimeStamp 1207183000 (MMDDhhmmss)
            "30"),                                   // ClientVersion 3.0
            frame);
    }

    [Fact]
    public void Submit_CarriesEveryFieldOfTheTable_ThenItsTlvs()
    {
        var submit = new SubmitPdu
        {
            NeedReport = 1,
            ServiceId = "WARN",
            SrcTermId = "10620001",
            DestTermIds = ["13300133000"],
            MsgContent = Hex.Of("050003A70201 66B4"), // UDH (reference A7, part 1 of 2) + 暴
            Tlvs = [Tlv.Byte(Tlv.TpUdhi, 1), Tlv.Byte(Tlv.PkTotal, 2), Tlv.Byte(Tlv.PkNumber, 1)],
        };

        var frame = SmgpFrame.Build(submit, 7);

        Assert.Equal(Hex.Of(
            "000000AA 00000002 00000007",                // PacketLength 170, Submit
            "06", "01", "00",                            // MsgType 6 (MT), NeedReport 1, Priority 0
            "5741524E", Hex.Zeros(6),                    // ServiceID "WARN" (10)
            "3030", "303030303030", "303030303030",      // FeeType "00" (free), FeeCode, FixedFee
            "08",                                        // MsgFormat 8: UCS2
            Hex.Zeros(17), Hex.Zeros(17),                // ValidTime, AtTime
            "3130363230303031", Hex.Zeros(13),           // SrcTermID "10620001" (21)
            Hex.Zeros(21),                               // ChargeTermID
            "01",                                        // DestTermIDCount
            "3133333030313333303030", Hex.Zeros(10),     // DestTermID "13300133000" (21)
            "08", "050003A7020166B4",                    // MsgLength, MsgContent
            Hex.Zeros(8),                                // Reserve
            "0002 0001 01",                              // TLV TP_udhi = 1
            "0009 0001 02",                              // TLV PkTotal = 2
            "000A 0001 01"),                             // TLV PkNumber = 1
            frame);
        var read = SubmitPdu.Read(frame.AsSpan(SmgpHeader.Size));
        Assert.Equal((1, 2, 1), (Tlv.ByteOf(read.Tlvs, Tlv.TpUdhi), Tlv.ByteOf(read.Tlvs, Tlv.PkTotal), Tlv.ByteOf(read.Tlvs, Tlv.PkNumber)));
    }

    [Fact]
    public void SubmitResp_IsATenOctetMsgIdAndAFourOctetStatus_TheIdKeptAsItsTwentyDigits()
    {
        var body = Hex.Of("591234 12071830 000042", "00000000");

        var resp = MsgIdStatusPdu.Read(SmgpCommand.SubmitResp, body);

        Assert.Equal(("59123412071830000042", 0u), (resp.MsgId.ToString(), resp.Status));
        Assert.Equal(resp.MsgId, SmgpMsgId.Compose(591234, new DateTimeOffset(2026, 12, 7, 18, 30, 59, TimeSpan.FromHours(8)), 42));
    }

    [Fact]
    public void AStatusReport_IsADeliverWithIsReport_WhoseContentNamesTheSubmitsMsgId()
    {
        var content = Hex.Of("49643A", "59123412071830000042",
            Convert.ToHexString(Encoding.ASCII.GetBytes(" sub:001 dlvrd:000 Submit date:2612071830 done date:2612071831 Stat:UNDELIV Err:001 Txt:")), Hex.Zeros(20));
        var body = Hex.Of(
            "59123512071831000001",                      // MsgID of the Deliver itself
            "01", "00",                                  // IsReport 1, MsgFormat 0
            Convert.ToHexString(Encoding.ASCII.GetBytes("20261207183100")), // RecvTime (14)
            "3133333030313333303030", Hex.Zeros(10),     // SrcTermID: the handset the report is about
            "3130363230303031", Hex.Zeros(13),           // DestTermID: our access number
            Convert.ToHexString([(byte)content.Length]), Hex.Of(content),
            Hex.Zeros(8));

        var deliver = DeliverPdu.Read(body);
        var report = StatusReport.Read(deliver.MsgContent.Span);

        Assert.Equal((byte)1, deliver.IsReport);
        Assert.Equal(("59123412071830000042", "UNDELIV", "001", "2612071831"), (report.MsgId.ToString(), report.Stat, report.Err, report.DoneDate));
        Assert.False(report.IsDelivered);
        Assert.Equal(report, StatusReport.Read(report.ToArray()));
    }

    [Fact]
    public void ADeliverWhoseTlvRunsPastTheEnd_IsAFormatError_NamingTheTag()
    {
        var body = Hex.Of(Hex.Zeros(10), "00", "08", Hex.Zeros(14 + 21 + 21), "00", Hex.Zeros(8), "0002 0005 01");

        var ex = Assert.Throws<PduFormatException>(() => DeliverPdu.Read(body));

        Assert.Contains("0x0002", ex.Message, StringComparison.Ordinal);
    }
}
