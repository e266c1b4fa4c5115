using System.Text;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smgp.Tests.Support;

namespace WarningHub.Channels.Sms.Smgp.Tests.Gateway;

/// <summary>The SMGP gateway against the simulated SMGW: reports by MsgID, long texts by TLV, replies, system busy, Active_Test.</summary>
public class SmgpGatewayTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AStatusReport_IsAReceiptForTheMsgIdTheSubmitWasAnsweredWith()
    {
        await using var harness = await SmgwHarness.StartAsync();

        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13300133000", "山洪预警：请立即转移。"), CancellationToken.None);
        var receipt = await harness.Gateway.Receipts.ReadAsync().AsTask().WaitAsync(Wait);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var id = Assert.Single(result.ProviderMessageIds);
        Assert.Equal((id, DeliveryStatus.Delivered, "DELIVRD"), (receipt.ProviderMessageId, receipt.Status, receipt.Code));
        var submit = Assert.Single(harness.Smgw.RecordedSubmits);
        Assert.Equal((id, "13300133000", "10620001", "WARN", 1, 8, 0), (submit.MsgId, submit.Destination, submit.SrcTermId, submit.ServiceId, submit.NeedReport, submit.MsgFormat, submit.TpUdhi));
        Assert.Equal(20, id.Length);
    }

    [Fact]
    public async Task AnUndeliveredReport_IsAFailedReceipt_WithItsStat()
    {
        await using var harness = await SmgwHarness.StartAsync(smgw: o => o.ReportFailureRate = 1);

        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13300133000", "test"), CancellationToken.None);
        var receipt = await harness.Gateway.Receipts.ReadAsync().AsTask().WaitAsync(Wait);

        Assert.Equal((result.ProviderMessageIds[0], DeliveryStatus.Failed, "UNDELIV"), (receipt.ProviderMessageId, receipt.Status, receipt.Code));
    }

    [Fact]
    public async Task ALongText_GoesInParts_WithTpUdhiPkTotalAndPkNumberTlvs_AndOneUdhReference()
    {
        await using var harness = await SmgwHarness.StartAsync();
        var text = string.Concat(Enumerable.Repeat("地质灾害预警：立即撤离。", 10));

        var result = await harness.Gateway.SendAsync(new TextMessage(0x77, "13300133000", text), CancellationToken.None);

        Assert.Equal(2, result.ProviderMessageIds.Count);
        var parts = harness.Smgw.RecordedSubmits;
        Assert.Equal([(1, 2, 1), (1, 2, 2)], parts.Select(p => (p.TpUdhi, p.PkTotal, p.PkNumber)));
        Assert.Equal(parts[0].Content[..4], parts[1].Content[..4]);
        Assert.Equal(text, string.Concat(parts.Select(p => Encoding.BigEndianUnicode.GetString(p.Content, 6, p.Content.Length - 6))));
    }

    [Fact]
    public async Task AHandsetsReply_ArrivesAsAnInboundText()
    {
        await using var harness = await SmgwHarness.StartAsync();

        Assert.True(harness.Smgw.SendMobileOriginated("13300133000", "10620001", Encoding.BigEndianUnicode.GetBytes("收到"), 8));
        var reply = await harness.Gateway.InboundTexts.ReadAsync().AsTask().WaitAsync(Wait);

        Assert.Equal(("13300133000", "10620001", "收到"), (reply.Sender, reply.Recipient, reply.Text));
        Assert.True(await Eventually.TrueAsync(() => harness.Smgw.DeliverResponses == 1));
    }

    [Fact]
    public async Task SystemBusy_SlowsTheGatewayDown_AndTheSameMessageIsAcceptedAfterwards()
    {
        await using var harness = await SmgwHarness.StartAsync(smgw: o => o.FlowControlFirst = 3);

        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13300133000", "test"), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal((3, 1), (harness.Smgw.FlowControlled, harness.Smgw.Accepted));
        Assert.True(harness.Gateway.FlowControlCuts >= 1);
    }

    [Fact]
    public async Task AnIdleLink_SendsActiveTest_AndAnswersTheSmgwsOwn()
    {
        await using var harness = await SmgwHarness.StartAsync(gateway: g => g.ActiveTestInterval = TimeSpan.FromMilliseconds(200));

        Assert.True(await Eventually.TrueAsync(() => harness.Smgw.ActiveTestsReceived >= 1));
        Assert.Equal(1, harness.Smgw.SendActiveTests());
        Assert.True(await Eventually.TrueAsync(() => harness.Smgw.ActiveTestAnswers == 1));
        Assert.Equal(1, harness.Gateway.LiveBinds);
    }

    [Fact]
    public async Task ALinkLostAfterTheFirstPart_IsUnknown_AndTheResendOfTheSlotReusesItsReferenceAndPartNumbers()
    {
        await using var harness = await SmgwHarness.StartAsync(smgw: o => (o.DropAfterAccepted, o.SendReports) = (1, false));
        var message = new TextMessage(0x5150, "13300133000", string.Concat(Enumerable.Repeat("地质灾害预警：立即撤离。", 10)));

        var first = await harness.Gateway.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Unknown, first.Outcome);
        harness.Smgw.Options.DropAfterAccepted = 0;
        Assert.True(await Eventually.TrueAsync(() => harness.Gateway.LiveBinds == 1));
        var again = await harness.Gateway.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, again.Outcome);
        var submits = harness.Smgw.RecordedSubmits;
        Assert.Equal(4, submits.Count);
        Assert.Equal(submits[0].Content[..6], submits[2].Content[..6]);
        Assert.Equal(submits[1].Content[..6], submits[3].Content[..6]);
    }

    [Fact]
    public async Task AWrongSecret_LeavesTheGatewayDown_WithAReasonNamingTheSettings()
    {
        await using var harness = await SmgwHarness.StartAsync(gateway: g => g.SharedSecret = "wrong");

        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13300133000", "test"), CancellationToken.None);

        Assert.Equal(SendOutcome.GatewayUnavailable, result.Outcome);
        Assert.Contains("ClientId and SharedSecret", harness.Gateway.Health.Problem, StringComparison.Ordinal);
        Assert.Equal(0, harness.Smgw.Submits);
    }
}
