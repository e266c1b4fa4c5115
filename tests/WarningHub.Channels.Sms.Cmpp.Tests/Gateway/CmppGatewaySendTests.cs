using System.Text;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Cmpp.Tests.Support;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Gateway;

/// <summary>The adapter against the simulated ISMG, in both protocol versions.</summary>
public class CmppGatewaySendTests
{
    private const string Warning = "【井研县应急管理局】井研县气象台发布暴雨红色预警：请立即转移到安全地带。";

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Send_IsAcceptedWithTheIsmgMsgId_AndItsStatusReportArrivesAsAReceiptForThatId(int version)
    {
        await using var harness = await IsmgHarness.StartAsync(gateway: o => o.Version = version);

        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13800138000", Warning), CancellationToken.None);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var receipt = await harness.Gateway.Receipts.ReadAsync(wait.Token);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var submit = Assert.Single(harness.Ismg.RecordedSubmits);
        Assert.Equal([submit.MsgId], result.ProviderMessageIds);
        Assert.Equal((submit.MsgId, DeliveryStatus.Delivered, "DELIVRD"), (receipt.ProviderMessageId, receipt.Status, receipt.Code));
        Assert.Equal(("13800138000", "901234", "WARN", "10657001"), (submit.Destination, submit.MsgSrc, submit.ServiceId, submit.SrcId));
        Assert.Equal((8, 1, 0), (submit.MsgFmt, submit.RegisteredDelivery, submit.TpUdhi));
        Assert.Equal(Warning, Encoding.BigEndianUnicode.GetString(submit.Content));
    }

    [Fact]
    public async Task Send_OfALongWarning_GoesInPartsWithUdhAndPkFields_OneMsgIdPerPart()
    {
        await using var harness = await IsmgHarness.StartAsync(ismg: o => o.SendReports = false);
        var text = string.Concat(Enumerable.Repeat("山洪预警：沿河群众立即撤离。", 10)); // 140 characters: three parts

        var result = await harness.Gateway.SendAsync(new TextMessage(0x1234_5678, "13800138000", text), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var parts = harness.Ismg.RecordedSubmits;
        Assert.Equal(3, parts.Count);
        Assert.Equal(parts.Select(p => p.MsgId), result.ProviderMessageIds);
        var reference = CmppGateway.ConcatenationReference(0x1234_5678);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal((3, i + 1, 1), (parts[i].PkTotal, parts[i].PkNumber, parts[i].TpUdhi));
            Assert.Equal(new byte[] { 5, 0, 3, reference, 3, (byte)(i + 1) }, parts[i].Content[..6]);
        }

        Assert.Equal(text, string.Concat(parts.Select(p => Encoding.BigEndianUnicode.GetString(p.Content, 6, p.Content.Length - 6))));
    }

    [Fact]
    public async Task Send_WhenTheIsmgAnswersFlowControl_SlowsDownAndResubmitsUntilAccepted()
    {
        await using var harness = await IsmgHarness.StartAsync(ismg: o => o.FlowControlFirst = 2);

        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13800138000", "测试"), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(2, harness.Ismg.FlowControlled);
        Assert.Equal(3, harness.Ismg.Submits);
        Assert.True(harness.Gateway.FlowControlCuts >= 1);
    }

    [Fact]
    public async Task Send_ToSomethingThatIsNoNumber_FailsPermanentlyAndWritesNothing()
    {
        await using var harness = await IsmgHarness.StartAsync();

        var result = await harness.Gateway.SendAsync(new TextMessage(1, "138-0013-8000", "测试"), CancellationToken.None);

        Assert.Equal((SendOutcome.PermanentFailure, "CMPP:13"), (result.Outcome, result.ErrorCode));
        Assert.Equal(0, harness.Ismg.Submits);
    }

    [Fact]
    public async Task Send_BeforeStart_IsUnavailable_NotAFailedAttempt()
    {
        await using var harness = await IsmgHarness.StartAsync(start: false);

        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13800138000", "测试"), CancellationToken.None);

        Assert.Equal(SendOutcome.GatewayUnavailable, result.Outcome);
        Assert.False(harness.Gateway.Health.IsUp);
    }

    [Fact]
    public async Task Send_WithoutReceiptRequested_AsksForNoStatusReport()
    {
        await using var harness = await IsmgHarness.StartAsync();

        await harness.Gateway.SendAsync(new TextMessage(1, "13800138000", "测试", RequestReceipt: false), CancellationToken.None);

        Assert.Equal(0, Assert.Single(harness.Ismg.RecordedSubmits).RegisteredDelivery);
    }
}
