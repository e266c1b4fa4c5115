using System.Text;
using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Receipts;
using WarningHub.Channels.Sms.Smpp.Tests.Support;

namespace WarningHub.Channels.Sms.Smpp.Tests.Receipts;

/// <summary>A handset's reply in a deliver_sm or data_sm becomes an inbound text; receipts never do.</summary>
public sealed class MobileOriginatedReaderTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 7, 15, 4, 30, 0, TimeSpan.Zero);

    private static byte[] DeliverBody(byte esmClass, byte dataCoding, byte[] shortMessage, string tlvHex = "") => Hex.Concat(
        Hex.Parse("00 | 01 01"), Hex.Ascii("8613800138000"), [0],
        Hex.Parse("00 00"), Hex.Ascii("10657001"), [0],
        [esmClass], Hex.Parse("00 00 00 00 00 00"), [dataCoding], [0],
        [(byte)shortMessage.Length], shortMessage,
        Hex.Parse(tlvHex));

    [Theory]
    [InlineData(0x08, "收到")]
    [InlineData(0x08, "１")]
    [InlineData(0x01, "OK")]
    [InlineData(0x03, "ok")]
    public void TryRead_DeliverSmWithMessageTypeZero_IsAReplyDecodedPerDataCoding(byte dataCoding, string text)
    {
        var octets = dataCoding == 0x08 ? Encoding.BigEndianUnicode.GetBytes(text) : Encoding.Latin1.GetBytes(text);

        Assert.True(MobileOriginatedReader.TryRead(ShortMessageView.Parse(DeliverBody(0x00, dataCoding, octets)), ReceivedAt, out var reply));

        Assert.Equal(("8613800138000", "10657001", text, ReceivedAt), (reply!.Sender, reply.Recipient, reply.Text, reply.At));
    }

    [Fact]
    public void TryRead_Gsm7DefaultAlphabet_AndAUserDataHeader_AreHandled()
    {
        var gsm = DeliverBody(0x00, 0x00, Encoding.ASCII.GetBytes("1"));
        var withUdh = DeliverBody(0x40, 0x08, [0x05, 0x00, 0x03, 0x2A, 0x01, 0x01, .. Encoding.BigEndianUnicode.GetBytes("已收到")]);

        Assert.True(MobileOriginatedReader.TryRead(ShortMessageView.Parse(gsm), ReceivedAt, out var first));
        Assert.True(MobileOriginatedReader.TryRead(ShortMessageView.Parse(withUdh), ReceivedAt, out var second));

        Assert.Equal("1", first!.Text);
        Assert.Equal("已收到", second!.Text);
    }

    [Fact]
    public void TryRead_TextInMessagePayload_IsRead()
    {
        var payload = Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes("好"));
        var body = DeliverBody(0x00, 0x08, [], $"0424 0002 {payload}");

        Assert.True(MobileOriginatedReader.TryRead(ShortMessageView.Parse(body), ReceivedAt, out var reply));

        Assert.Equal("好", reply!.Text);
    }

    [Fact]
    public void TryRead_ReceiptsAcknowledgementsAndBinary_AreNotReplies()
    {
        var receipt = DeliverBody(0x04, 0x00, Encoding.ASCII.GetBytes("id:1 stat:DELIVRD"));
        var smeAck = DeliverBody(0x08, 0x00, Encoding.ASCII.GetBytes("1"));
        var binary = DeliverBody(0x00, 0x04, [0x01, 0x02]);

        Assert.False(MobileOriginatedReader.TryRead(ShortMessageView.Parse(receipt), ReceivedAt, out _));
        Assert.False(MobileOriginatedReader.TryRead(ShortMessageView.Parse(smeAck), ReceivedAt, out _));
        Assert.False(MobileOriginatedReader.TryRead(ShortMessageView.Parse(binary), ReceivedAt, out _));
    }

    [Fact]
    public void TryReadDataSm_TakesTheTextFromMessagePayload()
    {
        var payload = Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes("收到"));
        var body = Hex.Concat(
            Hex.Parse("00 | 01 01"), Hex.Ascii("13800138000"), [0],
            Hex.Parse("00 00"), Hex.Ascii("10657001"), [0],
            Hex.Parse("00 00 08"), Hex.Parse($"0424 0004 {payload}"));

        Assert.True(MobileOriginatedReader.TryReadDataSm(body, ReceivedAt, out var reply));

        Assert.Equal(("13800138000", "收到"), (reply!.Sender, reply.Text));
    }
}
