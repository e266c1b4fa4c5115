using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Tests.Support;

namespace WarningHub.Channels.Sms.Smpp.Tests.Gateway;

public class SmppGatewayReceiptTests
{
    [Fact]
    public async Task Receipts_ArrivingBeforeTheSubmitResponse_ArePublishedAndCarryTheSameId()
    {
        // The response is held on purpose while the receipt is awaited: give it far more than the harness's usual 5 s,
        // so a busy machine cannot time the held submit out (seen once under a load average of 10). Regression: the
        // simulator sent the receipt before holding the response, so under load the release below could come first,
        // find nothing held, and leave the send waiting until its 10 s ran out.
        await using var harness = await SmscHarness.StartAsync(s => s.ReceiptBeforeResponse = true, g => g.ResponseTimeout = TimeSpan.FromSeconds(60));
        harness.Smsc.HoldResponses = true;

        var send = harness.SendAsync("early receipt").AsTask();
        var receipt = Assert.Single(await harness.ReceiptsAsync(1));
        Assert.False(send.IsCompleted); // the response is still held by the simulator: the receipt really came first
        harness.Smsc.ReleaseHeldResponses();
        var result = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(result.ProviderMessageIds[0], receipt.ProviderMessageId);
    }

    [Fact]
    public async Task Receipts_ReportingUndeliv_AreFailedWithTheStatWord()
    {
        await using var harness = await SmscHarness.StartAsync(s => s.ReceiptFailureRate = 1.0);

        var result = await harness.SendAsync("no phone");
        var receipt = Assert.Single(await harness.ReceiptsAsync(1));

        Assert.Equal(result.ProviderMessageIds[0], receipt.ProviderMessageId);
        Assert.Equal(DeliveryStatus.Failed, receipt.Status);
        Assert.Equal("UNDELIV", receipt.Code);
    }

    [Fact]
    public async Task Receipts_WithoutTheTlv_AreMatchedByTheIdInTheText()
    {
        await using var harness = await SmscHarness.StartAsync(s => s.IncludeReceiptedMessageIdTlv = false);

        var result = await harness.SendAsync("text id");
        var receipt = Assert.Single(await harness.ReceiptsAsync(1));

        Assert.Equal(result.ProviderMessageIds[0], receipt.ProviderMessageId);
    }

    [Fact]
    public async Task Receipts_QuotingDecimalIds_MatchHexSubmitIdsWithDecimalToHex()
    {
        await using var harness = await SmscHarness.StartAsync(s => s.ReceiptIdsInDecimal = true, g => g.ReceiptIdFormat = ReceiptIdFormat.DecimalToHex);

        var result = await harness.SendAsync("decimal receipt");
        var receipt = Assert.Single(await harness.ReceiptsAsync(1));

        Assert.Matches("^[0-9A-F]+$", receipt.ProviderMessageId);
        Assert.Equal(result.ProviderMessageIds[0], receipt.ProviderMessageId);
    }

    [Fact]
    public async Task Receipts_NotRequested_AreNotSent()
    {
        await using var harness = await SmscHarness.StartAsync();

        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13800138000", "no receipt", RequestReceipt: false), CancellationToken.None);
        var marker = await harness.SendAsync("with receipt");

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var receipt = Assert.Single(await harness.ReceiptsAsync(1));
        Assert.Equal(marker.ProviderMessageIds[0], receipt.ProviderMessageId);
        Assert.Equal(1, harness.Smsc.ReceiptsSent);
    }
}
