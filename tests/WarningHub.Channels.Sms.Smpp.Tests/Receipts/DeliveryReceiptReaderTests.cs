using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Receipts;
using WarningHub.Channels.Sms.Smpp.Tests.Support;

namespace WarningHub.Channels.Sms.Smpp.Tests.Receipts;

public class DeliveryReceiptReaderTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2025, 7, 1, 4, 30, 0, TimeSpan.Zero);
    private readonly DeliveryReceiptReader _reader = new(new ReceiptIdNormalizer(ReceiptIdFormat.AsIs), TimeSpan.FromHours(8));

    /// <summary>A deliver_sm body written by hand: esm_class 0x04, the appendix B text, then optional TLVs.</summary>
    private static byte[] ReceiptBody(string text, string tlvHex = "", byte esmClass = 0x04) => Hex.Concat(
        Hex.Parse("00 | 01 01"), Hex.Ascii("8613800138000"), [0],
        Hex.Parse("00 00"), Hex.Ascii("12379"), [0],
        [esmClass], Hex.Parse("00 00 00 00 00 00 00 00"),
        [(byte)text.Length], Hex.Ascii(text),
        Hex.Parse(tlvHex));

    [Fact]
    public void TryRead_PrefersReceiptedMessageIdTlv_AndParsesDoneDateInSmscTime()
    {
        var body = ReceiptBody(
            "id:999 sub:001 dlvrd:001 submit date:2507011200 done date:2507011201 stat:DELIVRD err:000 text:",
            "001E 0009 30 41 31 42 32 43 33 44 00 | 0427 0001 02"); // receipted_message_id "0A1B2C3D", message_state DELIVERED

        var found = _reader.TryRead(ShortMessageView.Parse(body), ReceivedAt, out var receipt);

        Assert.True(found);
        Assert.Equal(new Receipt("0A1B2C3D", DeliveryStatus.Delivered, "DELIVRD", new DateTimeOffset(2025, 7, 1, 4, 1, 0, TimeSpan.Zero)), receipt);
    }

    [Theory]
    [InlineData("UNDELIV")]
    [InlineData("EXPIRED")]
    [InlineData("REJECTD")]
    [InlineData("DELETED")]
    [InlineData("UNKNOWN")]
    public void TryRead_WithoutTlv_TakesIdFromText_AndAnyOtherStatIsFailedWithItsWord(string stat)
    {
        var body = ReceiptBody($"id:0A1B2C3D sub:001 dlvrd:000 submit date:2507011200 done date:2507011205 stat:{stat} err:001 text:");

        _reader.TryRead(ShortMessageView.Parse(body), ReceivedAt, out var receipt);

        Assert.Equal("0A1B2C3D", receipt!.ProviderMessageId);
        Assert.Equal(DeliveryStatus.Failed, receipt.Status);
        Assert.Equal(stat, receipt.Code);
    }

    [Fact]
    public void TryRead_WithoutStatText_UsesMessageStateTlv_AndWithoutDateUsesReceiptTime()
    {
        var body = ReceiptBody(string.Empty, "001E 0003 41 42 00 | 0427 0001 05"); // id "AB", UNDELIVERABLE

        _reader.TryRead(ShortMessageView.Parse(body), ReceivedAt, out var receipt);

        Assert.Equal(new Receipt("AB", DeliveryStatus.Failed, "UNDELIV", ReceivedAt), receipt);
    }

    [Fact]
    public void TryRead_IgnoresMobileOriginatedMessages_AndIntermediateEnroute()
    {
        var mobileOriginated = ReceiptBody("TD", esmClass: 0x00);
        var enroute = ReceiptBody("id:1 sub:001 dlvrd:000 submit date:2507011200 done date:2507011201 stat:ENROUTE err:000 text:");

        Assert.False(_reader.TryRead(ShortMessageView.Parse(mobileOriginated), ReceivedAt, out _));
        Assert.False(_reader.TryRead(ShortMessageView.Parse(enroute), ReceivedAt, out _));
    }

    [Fact]
    public void TryRead_DoesNotMistakeTheSubmitDateKeyForTheIdKey()
    {
        var body = ReceiptBody("sub:001 dlvrd:001 submit date:2507011200 id:77 done date:2507011201 stat:DELIVRD err:000 text:");

        _reader.TryRead(ShortMessageView.Parse(body), ReceivedAt, out var receipt);

        Assert.Equal("77", receipt!.ProviderMessageId);
    }

    [Theory]
    [InlineData(ReceiptIdFormat.AsIs, "00A1B", "2587", "00A1B", "2587")]
    [InlineData(ReceiptIdFormat.DecimalToHex, "00a1b", "2587", "A1B", "A1B")]
    [InlineData(ReceiptIdFormat.HexToDecimal, "02587", "A1B", "2587", "2587")]
    [InlineData(ReceiptIdFormat.DecimalToHex, "msg-1", "msg-1", "msg-1", "msg-1")]
    public void ReceiptIdNormalizer_BringsBothSidesToOneForm(ReceiptIdFormat format, string submitId, string receiptId, string expectedSubmit, string expectedReceipt)
    {
        var normalizer = new ReceiptIdNormalizer(format);

        Assert.Equal(expectedSubmit, normalizer.FromSubmit(submitId));
        Assert.Equal(expectedReceipt, normalizer.FromReceipt(receiptId));
    }
}
