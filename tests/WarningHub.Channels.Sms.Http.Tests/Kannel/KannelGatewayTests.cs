using System.Globalization;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Http.Tests.Support;
using WarningHub.Simulators.Smsc;

namespace WarningHub.Channels.Sms.Http.Tests.Kannel;

/// <summary>
/// The Kannel profile against the real Kannel (bearerbox + smsbox from Debian's package) bound over SMPP to the
/// project's SMSC simulator: sendsms answers 202 "0: Accepted for delivery", the SMSC gets the text in UCS2, and the
/// delivery report comes back through the dlr-url the adapter gave, to the slot that sent it.
/// </summary>
public sealed class KannelGatewayTests
{
    private const string Text = "【井研县应急管理局】暴雨红色预警：请立即转移到安全地带，远离河道和山洪沟。";

    /// <remarks>A missing Kannel fails the test with the reason rather than skipping it, as xmlsec1 does: test.sh installs it.</remarks>
    [Fact]
    public async Task Send_ThroughRealKannel_ReachesTheSmscInUcs2_AndTheDeliveryReportComesBackThroughDlrUrl()
    {
        Assert.True(KannelProcesses.Missing() is null, KannelProcesses.Missing());
        await using var smsc = new SmscSimulator(new SmscSimulatorOptions { RecordMessages = true, Password = "smscpass" });
        smsc.Start();
        await using var callbacks = await CallbackServer.StartAsync();
        await using var kannel = await KannelProcesses.StartAsync(smsc.Port, smsc.Options.SystemId, "smscpass");
        Assert.True(await Eventually.TrueAsync(() => smsc.Binds >= 1, TimeSpan.FromSeconds(30)), "bearerbox never bound to the SMSC:\n" + kannel.Logs);
        var options = new HttpSmsOptions
        {
            Profile = HttpSmsProfile.Kannel,
            Url = "http://127.0.0.1:" + kannel.SendsmsPort.ToString(CultureInfo.InvariantCulture),
            Username = KannelProcesses.User,
            Password = KannelProcesses.Password,
            Sender = "10655001",
            CallbackToken = "kannel-callback-token-0123456789",
            PublicBaseUrl = callbacks.BaseUrl.ToString(),
        };
        Assert.True(new HttpSmsOptionsValidator().Validate("kannel", options).Succeeded);
        await using var gateway = new HttpSmsGateway("kannel", options);
        callbacks.Gateway = gateway;
        await gateway.StartAsync(CancellationToken.None);

        var first = await gateway.SendAsync(new TextMessage(41, "13800138000", Text), CancellationToken.None);
        var second = await gateway.SendAsync(new TextMessage(42, "13900139000", "【演练】第二条"), CancellationToken.None);

        Assert.True(first.Outcome == SendOutcome.Accepted, $"{first.Outcome} {first.ErrorCode} {first.Reason}\n{kannel.Logs}");
        Assert.Equal(SendOutcome.Accepted, second.Outcome);
        Assert.True(await Eventually.TrueAsync(() => smsc.ReceivedMessages.Count >= 2, TimeSpan.FromSeconds(30)), "the SMSC never got both messages:\n" + kannel.Logs);
        var received = smsc.ReceivedMessages.Single(m => m.Destination.EndsWith("13800138000", StringComparison.Ordinal));
        Assert.Equal(Text, received.Text);
        Assert.Equal(8, received.DataCoding);

        var receipts = new Dictionary<string, Receipt>(StringComparer.Ordinal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (receipts.Count < 2)
            {
                var receipt = await gateway.Receipts.ReadAsync(timeout.Token);
                receipts[receipt.ProviderMessageId] = receipt;
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{receipts.Count} of 2 delivery reports came back ({callbacks.Calls} callbacks):\n{kannel.Logs}");
        }

        Assert.Equal(DeliveryStatus.Delivered, receipts[Assert.Single(first.ProviderMessageIds)].Status);
        Assert.Equal(DeliveryStatus.Delivered, receipts[Assert.Single(second.ProviderMessageIds)].Status);
        Assert.StartsWith("41.", first.ProviderMessageIds[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_WithAForgedSignature_IsRefused_AndChangesNothing()
    {
        var options = new HttpSmsOptions
        {
            Profile = HttpSmsProfile.Kannel,
            Url = "http://127.0.0.1:1",
            Username = "u",
            Password = "p",
            CallbackToken = "kannel-callback-token-0123456789",
        };
        await using var gateway = new HttpSmsGateway("kannel", options);

        var forged = gateway.AcceptCallback(new Dictionary<string, string> { ["id"] = "41.x.1", ["status"] = "1", ["sig"] = "00000000000000000000000000000000" }, null, out _);
        var byHeader = gateway.AcceptCallback(new Dictionary<string, string> { ["id"] = "41.x.1", ["status"] = "8" }, options.CallbackToken, out _);

        Assert.Equal(ReceiptCallbackOutcome.Unauthorized, forged);
        Assert.Equal(ReceiptCallbackOutcome.Ignored, byHeader);
        Assert.False(gateway.Receipts.TryRead(out _));
    }
}
