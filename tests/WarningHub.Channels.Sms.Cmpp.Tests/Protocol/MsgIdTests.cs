using WarningHub.Channels.Sms.Cmpp.Protocol;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Protocol;

public class MsgIdTests
{
    // 07-07 12:34:56, ISMG 0x1234, sequence 0xABCD, laid out by hand:
    // month 0111 | day 00111 | hour 01100 | minute 100010 | second 111000 | ISMG 00 0000 0001 0010 0011 0100 | 1010 1011 1100 1101
    // = 0111 0011 1011 0010 0010 1110 0000 0000 0001 0010 0011 0100 1010 1011 1100 1101 = 0x73B22E001234ABCD
    private const ulong Known = 0x73B22E001234ABCD;

    [Fact]
    public void Compose_PutsEachFieldInItsBits()
    {
        Assert.Equal(Known, MsgId.Compose(7, 7, 12, 34, 56, 0x1234, 0xABCD).Value);
    }

    [Fact]
    public void Fields_AreReadBackFromTheirBits()
    {
        var id = new MsgId(Known);

        Assert.Equal((7, 7, 12, 34, 56), (id.Month, id.Day, id.Hour, id.Minute, id.Second));
        Assert.Equal((0x1234, 0xABCD), (id.GatewayCode, id.Sequence));
    }

    [Fact]
    public void String_IsSixteenUpperCaseHexDigits_TheSameForTheSameOctets()
    {
        Assert.Equal("73B22E001234ABCD", new MsgId(Known).ToString());
        Assert.Equal("0800000000000001", new MsgId(0x0800000000000001).ToString());
    }

    [Fact]
    public void Compose_WithAnOutOfRangeField_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MsgId.Compose(13, 1, 0, 0, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MsgId.Compose(1, 1, 0, 0, 0, 0x40_0000, 0));
    }
}
