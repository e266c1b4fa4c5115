using WarningHub.Channels.Sms.Cmpp.Protocol;
using WarningHub.Channels.Sms.Cmpp.Tests.Support;
using WarningHub.Testing.Vectors;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Protocol;

/// <summary>SUBMIT and SUBMIT_RESP against vectors written field by field from the specification's tables.</summary>
public class SubmitVectorTests
{
    private static readonly SubmitPdu Rainstorm = new()
    {
        RegisteredDelivery = 1,
        ServiceId = "WARN",
        MsgSrc = "901234",
        SrcId = "10657001",
        DestTerminalIds = ["13800138000"],
        MsgContent = Hex.Of("66B4 96E8"), // 暴雨 in UCS2 big-endian
    };

    [Fact]
    public void Submit20_HasTwentyOneOctetTerminalIdsAndAnEightOctetReserve()
    {
        var frame = CmppFrame.Build(Rainstorm, 7, CmppVersion.V20);

        Assert.Equal(Hex.Of(
            "000000A3 00000004 00000007",             // Total_Length 163, CMPP_SUBMIT, Sequence_Id 7
            Hex.Zeros(8),                             // Msg_Id (the ISMG fills it)
            "01", "01", "01", "00",                   // Pk_total, Pk_number, Registered_Delivery, Msg_level
            "5741524E", Hex.Zeros(6),                 // Service_Id "WARN" (10)
            "02",                                     // Fee_UserType: the SP pays
            Hex.Zeros(21),                            // Fee_terminal_Id (21)
            "00", "00", "08",                         // TP_pId, TP_udhi, Msg_Fmt UCS2
            "393031323334",                           // Msg_src "901234"
            "3031", "303030303030",                   // FeeType "01" (free), FeeCode "000000"
            Hex.Zeros(17), Hex.Zeros(17),             // ValId_Time, At_Time
            "3130363537303031", Hex.Zeros(13),        // Src_Id "10657001" (21)
            "01",                                     // DestUsr_tl
            "3133383030313338303030", Hex.Zeros(10),  // Dest_terminal_Id "13800138000" (21)
            "04", "66B496E8",                         // Msg_Length, Msg_Content
            Hex.Zeros(8)),                            // Reserve
            frame);
    }

    [Fact]
    public void Submit30_HasThirtyTwoOctetTerminalIdsTerminalTypesAndALinkId()
    {
        var frame = CmppFrame.Build(Rainstorm, 7, CmppVersion.V30);

        Assert.Equal(Hex.Of(
            "000000C7 00000004 00000007",             // Total_Length 199
            Hex.Zeros(8),
            "01", "01", "01", "00",
            "5741524E", Hex.Zeros(6),
            "02",
            Hex.Zeros(32),                            // Fee_terminal_Id (32)
            "00",                                     // Fee_terminal_type (3.0 only)
            "00", "00", "08",
            "393031323334",
            "3031", "303030303030",
            Hex.Zeros(17), Hex.Zeros(17),
            "3130363537303031", Hex.Zeros(13),        // Src_Id stays 21 in 3.0
            "01",
            "3133383030313338303030", Hex.Zeros(21),  // Dest_terminal_Id (32)
            "00",                                     // Dest_terminal_type (3.0 only)
            "04", "66B496E8",
            Hex.Zeros(20)),                           // LinkID (3.0 only, replaces Reserve)
            frame);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Submit_ReadBack_GivesTheSameFields(int major)
    {
        var version = CmppVersion.FromMajor(major);
        var frame = CmppFrame.Build(Rainstorm with { PkTotal = 3, PkNumber = 2, TpUdhi = 1 }, 1, version);

        var read = SubmitPdu.Read(frame.AsSpan(CmppHeader.Size), version);

        Assert.Equal(("13800138000", "10657001", "901234", "WARN"), (read.DestTerminalIds[0], read.SrcId, read.MsgSrc, read.ServiceId));
        Assert.Equal((3, 2, 1, 8), (read.PkTotal, read.PkNumber, read.TpUdhi, read.MsgFmt));
        Assert.Equal("66B496E8", Hex.Of(read.MsgContent.Span));
    }

    [Fact]
    public void SubmitResponse_Of20_IsMsgIdAndAOneOctetResult_Of30_AFourOctetResult()
    {
        var v2 = MsgIdResultPdu.Read(CmppCommand.SubmitResp, Hex.Of("73B22E001234ABCD", "08"), CmppVersion.V20);
        var v3 = MsgIdResultPdu.Read(CmppCommand.SubmitResp, Hex.Of("73B22E001234ABCD", "0000000D"), CmppVersion.V30);

        Assert.Equal((0x73B22E001234ABCDUL, 8u), (v2.MsgId, v2.Result));
        Assert.Equal((0x73B22E001234ABCDUL, 13u), (v3.MsgId, v3.Result));
        Assert.Equal(Hex.Of("00000015 80000004 00000005", "73B22E001234ABCD", "00"),
            CmppFrame.Build(new MsgIdResultPdu(CmppCommand.SubmitResp, 0x73B22E001234ABCD, 0), 5, CmppVersion.V20));
    }

    [Fact]
    public void Submit_WithContentLongerThan140Octets_IsRefused()
    {
        Assert.Throws<CmppPduException>(() => CmppFrame.Build(Rainstorm with { MsgContent = new byte[141] }, 1, CmppVersion.V30));
    }

    [Fact]
    public void Submit_CutShort_SaysWhichFieldIsMissing()
    {
        var frame = CmppFrame.Build(Rainstorm, 1, CmppVersion.V20);

        var ex = Assert.Throws<CmppPduException>(() => SubmitPdu.Read(frame.AsSpan(CmppHeader.Size, 120), CmppVersion.V20));

        Assert.Contains("Dest_terminal_Id", ex.Message, StringComparison.Ordinal);
    }
}
