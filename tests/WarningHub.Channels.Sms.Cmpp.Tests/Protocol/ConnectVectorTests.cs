using WarningHub.Channels.Sms.Cmpp.Protocol;
using WarningHub.Channels.Sms.Cmpp.Tests.Support;
using WarningHub.Testing.Vectors;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Protocol;

/// <summary>CONNECT and CONNECT_RESP against vectors written from the specification's field tables.</summary>
public class ConnectVectorTests
{
    // MD5("901234" + 9 x 0x00 + "secret" + "0707120000"), computed outside .NET (md5sum over the octets).
    private const string KnownAuthenticator = "A90BB5EBC0F368AE5CD3B21DCEFE2A2F";

    [Fact]
    public void Authenticator_OfAKnownLogin_IsTheMd5OfSourceAddrNineZerosSecretAndTimestamp()
    {
        var authenticator = ConnectPdu.Authenticate("901234", "secret", 707120000);

        Assert.Equal(KnownAuthenticator, Hex.Of(authenticator));
    }

    [Fact]
    public void Timestamp_IsMonthDayHourMinuteSecondOfTheIsmgClock()
    {
        var beijing = new DateTimeOffset(2026, 7, 7, 12, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal(707120000u, ConnectPdu.TimestampOf(beijing));
        Assert.Equal(1231235959u, ConnectPdu.TimestampOf(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.FromHours(8))));
    }

    [Theory]
    [InlineData(2, "20")]
    [InlineData(3, "30")]
    public void Connect_IsHeaderSourceAddrAuthenticatorVersionTimestamp(int major, string versionOctet)
    {
        var pdu = ConnectPdu.Create("901234", "secret", CmppVersion.FromMajor(major), new DateTimeOffset(2026, 7, 7, 12, 0, 0, TimeSpan.FromHours(8)));

        var frame = CmppFrame.Build(pdu, 1, CmppVersion.FromMajor(major));

        Assert.Equal(Hex.Of(
            "00000027", "00000001", "00000001",   // Total_Length 39, CMPP_CONNECT, Sequence_Id 1
            "393031323334",                       // Source_Addr "901234"
            KnownAuthenticator,                   // AuthenticatorSource
            versionOctet,                         // Version
            "2A25CB80"),                          // Timestamp 707120000
            frame);
    }

    [Fact]
    public void ConnectResponse_Of20_HasAOneOctetStatus_And30_AFourOctetStatus()
    {
        var source = Convert.FromHexString(KnownAuthenticator);
        var v2 = ConnectResponsePdu.Read(Hex.Of("03", "55F259BB403379C06194C93214FA9CD5", "20"), CmppVersion.V20);
        var v3 = ConnectResponsePdu.Read(Hex.Of("00000003", "CA4E12B6E8AAF78A5B5A84C090720166", "30"), CmppVersion.V30);

        Assert.Equal((3u, (byte)0x20), (v2.Status, v2.Version));
        Assert.Equal((3u, (byte)0x30), (v3.Status, v3.Version));

        // MD5(Status 0 + AuthenticatorSource + "secret"), Status as 1 octet (2.0) and 4 octets (3.0), computed outside .NET.
        var ok2 = new ConnectResponsePdu(0, Convert.FromHexString("55F259BB403379C06194C93214FA9CD5"), 0x20);
        var ok3 = new ConnectResponsePdu(0, Convert.FromHexString("CA4E12B6E8AAF78A5B5A84C090720166"), 0x30);
        Assert.True(ok2.Proves(source, "secret", CmppVersion.V20));
        Assert.True(ok3.Proves(source, "secret", CmppVersion.V30));
        Assert.False(ok3.Proves(source, "other-secret", CmppVersion.V30));
    }

    [Fact]
    public void ConnectResponse_Of20_ArrivingOnA30Link_IsReadByItsLength()
    {
        var response = ConnectResponsePdu.Read(Hex.Of("04", Hex.Zeros(16), "20"), CmppVersion.V30);

        Assert.Equal(4u, response.Status);
    }

    [Fact]
    public void Connect_WithASourceAddrLongerThanItsField_IsRefusedNotCut()
    {
        var pdu = new ConnectPdu("9012345", new byte[16], 0x30, 0);

        Assert.Throws<CmppPduException>(() => CmppFrame.Build(pdu, 1, CmppVersion.V30));
    }
}
