using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Tests.Support;

namespace WarningHub.Channels.Sms.Smpp.Tests.Protocol;

public class MalformedPduTests
{
    [Theory]
    [InlineData("0000000F 00000015 00000000 00000001")] // 15: shorter than a header
    [InlineData("00000000 00000015 00000000 00000001")]
    [InlineData("7FFFFFFF 00000004 00000000 00000001")] // would make the reader wait for 2 GiB
    public void Header_WithLengthOutOfBounds_IsRefusedAsInvalidCommandLength(string hex)
    {
        var ex = Assert.Throws<SmppPduException>(() => PduHeader.Read(Hex.Parse(hex)));

        Assert.Equal(CommandStatus.InvalidCommandLength, ex.Status);
        Assert.Contains("command_length", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_ShorterThanSixteenOctets_IsRefused()
    {
        Assert.Throws<SmppPduException>(() => PduHeader.Read(Hex.Parse("00000010 00000015")));
    }

    [Fact]
    public void ShortMessage_WithDestinationMissingItsNul_NamesTheField()
    {
        var body = Hex.Parse("00 | 00 00 00 | 00 00 31 33 38"); // destination_addr "138" runs into the end of the PDU

        var ex = Assert.Throws<SmppPduException>(() => ShortMessageView.Parse(body));

        Assert.Contains("destination_addr", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortMessage_WithAddressLongerThanTwentyOctets_IsRefused()
    {
        var body = Hex.Concat(Hex.Parse("00 | 00 00"), Hex.Ascii(new string('1', 25)), [0]);

        var ex = Assert.Throws<SmppPduException>(() => ShortMessageView.Parse(body));

        Assert.Contains("source_addr", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortMessage_WithSmLengthBeyondTheBody_IsRefused()
    {
        var body = Hex.Parse("00 | 00 00 00 | 00 00 31 00 | 00 00 00 00 00 00 00 00 00 | 05 41 42"); // claims 5, has 2

        var ex = Assert.Throws<SmppPduException>(() => ShortMessageView.Parse(body));

        Assert.Contains("short_message", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tlv_ClaimingMoreOctetsThanRemain_IsRefused()
    {
        var reader = new TlvReader(Hex.Parse("001E 0009 41 42 00"));

        var thrown = false;
        try
        {
            reader.MoveNext();
        }
        catch (SmppPduException ex)
        {
            thrown = ex.Status == CommandStatus.InvalidOptionalParameterStream;
        }

        Assert.True(thrown);
    }

    [Fact]
    public void Bind_WithPasswordLongerThanEightOctets_IsRefused()
    {
        var body = Hex.Concat(Hex.Ascii("id"), [0], Hex.Ascii("123456789"), [0], Hex.Parse("00 34 00 00 00"));

        var ex = Assert.Throws<SmppPduException>(() => BindBody.Decode(body));

        Assert.Contains("password", ex.Message, StringComparison.Ordinal);
    }
}
