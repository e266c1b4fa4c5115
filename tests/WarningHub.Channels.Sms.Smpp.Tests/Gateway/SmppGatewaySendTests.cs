using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Tests.Support;
using WarningHub.Simulators.Smsc;

namespace WarningHub.Channels.Sms.Smpp.Tests.Gateway;

public class SmppGatewaySendTests
{
    private const string Signature = "【井研县应急管理局】";

    private const string LongChinese =
        "井研县气象台2025年7月1日16时发布暴雨蓝色预警信号：预计未来12小时内，我县大部分地区将出现暴雨天气，" +
        "累计雨量可达50毫米以上，局地伴有雷电和短时强降水。请注意防范山洪、滑坡、泥石流等地质灾害，" +
        "远离河道和低洼地带，非必要不外出。如遇险情请拨打110、119或县应急管理局值班电话求助，" +
        "各镇（街道）、村（社区）要做好转移避险准备，确保人民群众生命财产安全。";

    [Fact]
    public async Task Send_ShortGsmText_IsAcceptedWithOneId_AndItsReceiptCarriesThatId()
    {
        await using var harness = await SmscHarness.StartAsync(s => s.RecordMessages = true);

        var result = await harness.SendAsync("Rainstorm blue warning");

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var id = Assert.Single(result.ProviderMessageIds);
        var receipt = Assert.Single(await harness.ReceiptsAsync(1));
        Assert.Equal(id, receipt.ProviderMessageId);
        Assert.Equal(DeliveryStatus.Delivered, receipt.Status);
        Assert.Equal("DELIVRD", receipt.Code);
        var received = Assert.Single(harness.Smsc.ReceivedMessages);
        Assert.Equal(("13800138000", "Rainstorm blue warning", (byte)0x00), (received.Destination, received.Text, received.DataCoding));
    }

    [Fact]
    public async Task Send_LongChineseText_GoesAsUdhPartsThatReassembleToTheSignedText()
    {
        await using var harness = await SmscHarness.StartAsync(s => s.RecordMessages = true, g => g.Signature = Signature);

        var result = await harness.SendAsync(LongChinese);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(3, result.ProviderMessageIds.Count);
        Assert.True(await Eventually.TrueAsync(() => harness.Smsc.ReceivedMessages.Count == 1));
        var received = harness.Smsc.ReceivedMessages[0];
        Assert.Equal(Signature + LongChinese, received.Text);
        Assert.Equal(Concatenation.UserDataHeader, received.Concatenation);
        Assert.Equal((byte)0x08, received.DataCoding);
        Assert.Equal(result.ProviderMessageIds, received.MessageIds);
        var receipts = await harness.ReceiptsAsync(3);
        Assert.Equal(result.ProviderMessageIds.Order(), receipts.Select(r => r.ProviderMessageId).Order());
    }

    [Fact]
    public async Task Send_LongTextOverSeveralBinds_IsStillReassembled()
    {
        await using var harness = await SmscHarness.StartAsync(s => s.RecordMessages = true, g => (g.Binds, g.Window) = (3, 1));
        Assert.True(await Eventually.TrueAsync(() => harness.Gateway.LiveBinds == 3));

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => harness.SendAsync(i + LongChinese, reference: i).AsTask()));

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        Assert.True(await Eventually.TrueAsync(() => harness.Smsc.ReceivedMessages.Count == 6));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => i + LongChinese).Order(), harness.Smsc.ReceivedMessages.Select(m => m.Text).Order());
    }

    [Fact]
    public async Task Send_WithSarOption_CarriesConcatenationInTlvs_AndDoesNotRepeatAnExistingSignature()
    {
        await using var harness = await SmscHarness.StartAsync(s => s.RecordMessages = true, g => (g.UseSarTlvs, g.Signature) = (true, Signature));

        var result = await harness.SendAsync(Signature + LongChinese);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.True(await Eventually.TrueAsync(() => harness.Smsc.ReceivedMessages.Count == 1));
        var received = harness.Smsc.ReceivedMessages[0];
        Assert.Equal(Concatenation.SarTlvs, received.Concatenation);
        Assert.Equal(Signature + LongChinese, received.Text);
    }

    [Fact]
    public async Task Send_ToADestinationTheSmscRefuses_IsPermanentWithTheSmscCode()
    {
        await using var harness = await SmscHarness.StartAsync();
        harness.Smsc.RejectDestination("13900000000", 0x0000000B); // ESME_RINVDSTADR

        var result = await harness.SendAsync("test", "13900000000");

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("0x0000000B", result.ErrorCode);
        Assert.Contains("ESME_RINVDSTADR", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WhenTheSmscHasASystemError_IsTemporary()
    {
        await using var harness = await SmscHarness.StartAsync();
        harness.Smsc.RejectDestination("13900000001", 0x00000008); // ESME_RSYSERR

        var result = await harness.SendAsync("test", "13900000001");

        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal("0x00000008", result.ErrorCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("138-0013-8000")]
    [InlineData("oXyZ_openid")]
    [InlineData("123456789012345678901")]
    public async Task Send_ToSomethingThatIsNotAPhoneNumber_IsPermanentAndNeverReachesTheSmsc(string address)
    {
        await using var harness = await SmscHarness.StartAsync();

        var result = await harness.SendAsync("test", address);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal(0, harness.Smsc.Submits);
    }

    [Fact]
    public async Task Send_TextNeedingMorePartsThanAllowed_IsPermanent()
    {
        await using var harness = await SmscHarness.StartAsync(gateway: g => g.MaxParts = 2);

        var result = await harness.SendAsync(LongChinese);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("at most 2", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0, harness.Smsc.Submits);
    }

    [Fact]
    public async Task Send_OverSeveralBinds_SpreadsTheLoadOverAllOfThem()
    {
        await using var harness = await SmscHarness.StartAsync(gateway: g => (g.Binds, g.Window) = (3, 8));
        Assert.True(await Eventually.TrueAsync(() => harness.Gateway.LiveBinds == 3));

        var results = await Task.WhenAll(Enumerable.Range(0, 90).Select(i => harness.SendAsync("spread", reference: i).AsTask()));

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        Assert.Equal(90, results.SelectMany(r => r.ProviderMessageIds).Distinct().Count());
        var perConnection = harness.Smsc.SubmitsPerConnection;
        Assert.Equal(3, perConnection.Count);
        Assert.All(perConnection, count => Assert.InRange(count, 10, 70));
    }

    [Fact]
    public async Task Send_WithTheWindowFull_HoldsFurtherSubmitsUntilTheOutstandingOnesEnd()
    {
        await using var harness = await SmscHarness.StartAsync(gateway: g => (g.Window, g.ResponseTimeout) = (4, TimeSpan.FromSeconds(1)));
        harness.Smsc.SwallowSubmits = true;

        var sends = Enumerable.Range(0, 10).Select(i => harness.SendAsync("window", reference: i).AsTask()).ToList();
        Assert.True(await Eventually.TrueAsync(() => harness.Smsc.Submits >= 4));
        Assert.Equal(4, harness.Smsc.Submits);
        harness.Smsc.SwallowSubmits = false;

        var results = await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(20));
        // Without a sleep, the window is shown by what was swallowed: every submit written while the SMSC swallowed
        // stays unanswered, so a fifth that had slipped past the full window would be a fifth Unknown.
        Assert.Equal(4, results.Count(r => r.Outcome == SendOutcome.Unknown)); // written, never answered
        Assert.Equal(6, results.Count(r => r.Outcome == SendOutcome.Accepted));
        Assert.Equal(10, harness.Smsc.Submits);
    }
}
