using System.Text;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Sgip.Tests.Support;

namespace WarningHub.Channels.Sms.Sgip.Tests.Gateway;

/// <summary>The SGIP gateway against the simulated SMG: both connections, reports, replies, node busy, the idle rule.</summary>
public class SgipGatewayTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Reports_ComeOnTheSmgsOwnConnection_AndNameTheSubmitBySequenceNumber()
    {
        await using var harness = await SmgHarness.StartAsync();

        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13000130000", "山洪预警：请立即转移。"), CancellationToken.None);
        var receipt = await harness.Gateway.Receipts.ReadAsync().AsTask().WaitAsync(Wait);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var id = Assert.Single(result.ProviderMessageIds);
        Assert.Equal(id, receipt.ProviderMessageId);
        Assert.Equal(DeliveryStatus.Delivered, receipt.Status);
        var submit = Assert.Single(harness.Smg.RecordedSubmits);
        Assert.Equal((id, "8613000130000", "10655001", "12345", "WARN", 8, 1), (submit.Id, submit.UserNumber, submit.SpNumber, submit.CorpId, submit.ServiceType, submit.MessageCoding, submit.ReportFlag));
        Assert.StartsWith("3000012345-", id, StringComparison.Ordinal); // the node id derived from CorpId 12345
        Assert.Equal(1, harness.Gateway.InboundConnections);
    }

    [Fact]
    public async Task AFailedReport_IsAFailedReceipt_WithTheErrorCode()
    {
        await using var harness = await SmgHarness.StartAsync(smg: o => o.ReportFailureRate = 1);

        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13000130000", "test"), CancellationToken.None);
        var receipt = await harness.Gateway.Receipts.ReadAsync().AsTask().WaitAsync(Wait);

        Assert.Equal((result.ProviderMessageIds[0], DeliveryStatus.Failed, "SGIP:28"), (receipt.ProviderMessageId, receipt.Status, receipt.Code));
    }

    [Fact]
    public async Task ALongText_GoesInUcs2PartsWithTpUdhi_OneReferenceAndOneIdPerPart()
    {
        await using var harness = await SmgHarness.StartAsync();
        var text = string.Concat(Enumerable.Repeat("地质灾害预警：立即撤离。", 10)); // 120 characters: two parts

        var result = await harness.Gateway.SendAsync(new TextMessage(0x77, "13000130000", text), CancellationToken.None);

        Assert.Equal(2, result.ProviderMessageIds.Count);
        var parts = harness.Smg.RecordedSubmits;
        Assert.All(parts, p => Assert.Equal(1, p.TpUdhi));
        Assert.Equal(parts[0].Content[..4], parts[1].Content[..4]); // 05 00 03 reference
        Assert.Equal((2, 1), (parts[0].Content[4], parts[0].Content[5]));
        Assert.Equal((2, 2), (parts[1].Content[4], parts[1].Content[5]));
        var whole = string.Concat(parts.Select(p => Encoding.BigEndianUnicode.GetString(p.Content, 6, p.Content.Length - 6)));
        Assert.Equal(text, whole);
    }

    [Fact]
    public async Task AHandsetsReply_ArrivesAsAnInboundText()
    {
        await using var harness = await SmgHarness.StartAsync();

        harness.Smg.SendMobileOriginated("8613000130000", "10655001", Encoding.BigEndianUnicode.GetBytes("收到"), 8);
        var reply = await harness.Gateway.InboundTexts.ReadAsync().AsTask().WaitAsync(Wait);

        Assert.Equal(("8613000130000", "10655001", "收到"), (reply.Sender, reply.Recipient, reply.Text));
        Assert.True(await Eventually.TrueAsync(() => harness.Smg.DeliversAnswered == 1));
    }

    [Fact]
    public async Task TheSmgsBind_WithAWrongPassword_IsRefused_AndNothingItSendsIsTaken()
    {
        await using var harness = await SmgHarness.StartAsync(smg: o => o.SmgLoginPassword = "guessed");

        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13000130000", "test"), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome); // the SP's own Bind is fine
        Assert.True(await Eventually.TrueAsync(() => harness.Smg.SpRefusals >= 2), "the SMG's Bind was never refused");
        Assert.Equal(0, harness.Smg.SpBinds);
        Assert.Equal(0, harness.Smg.ReportsAnswered);
        Assert.False(harness.Gateway.Receipts.TryRead(out _));
    }

    [Fact]
    public async Task NodeBusy_SlowsTheGatewayDown_AndTheSameMessageIsAcceptedAfterwards()
    {
        await using var harness = await SmgHarness.StartAsync(smg: o => o.FlowControlFirst = 3);

        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13000130000", "test"), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal((3, 1), (harness.Smg.FlowControlled, harness.Smg.Accepted));
        Assert.True(harness.Gateway.FlowControlCuts >= 1);
    }

    [Fact]
    public async Task AnIdleLink_IsUnboundAndBoundAgain_AndStillSends()
    {
        await using var harness = await SmgHarness.StartAsync(gateway: g => g.IdleTimeout = TimeSpan.FromMilliseconds(200));

        Assert.True(await Eventually.TrueAsync(() => harness.Smg.Unbinds >= 1 && harness.Smg.Binds >= 2 && harness.Gateway.LiveBinds == 1));
        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13000130000", "test"), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
    }

    [Fact]
    public async Task ALinkLostAfterTheFirstPart_IsUnknown_AndTheResendOfTheSlotReusesItsReferenceAndPartNumbers()
    {
        await using var harness = await SmgHarness.StartAsync(smg: o => (o.DropAfterAccepted, o.SendReports) = (1, false));
        var message = new TextMessage(0x5150, "13000130000", string.Concat(Enumerable.Repeat("地质灾害预警：立即撤离。", 10)));

        var first = await harness.Gateway.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Unknown, first.Outcome);
        Assert.Contains("Parts 1-1 of 2 were accepted", first.Reason, StringComparison.Ordinal);
        harness.Smg.Options.DropAfterAccepted = 0;
        Assert.True(await Eventually.TrueAsync(() => harness.Gateway.LiveBinds == 1));
        var again = await harness.Gateway.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, again.Outcome);
        var submits = harness.Smg.RecordedSubmits;
        Assert.Equal(4, submits.Count);
        Assert.Equal(submits[0].Content[..6], submits[2].Content[..6]);
        Assert.Equal(submits[1].Content[..6], submits[3].Content[..6]);
    }

    [Fact]
    public async Task AnAddressThatIsNoNumber_IsPermanent_AndNothingIsSent()
    {
        await using var harness = await SmgHarness.StartAsync();

        var result = await harness.Gateway.SendAsync(new TextMessage(1, "+86 130", "test"), CancellationToken.None);

        Assert.Equal((SendOutcome.PermanentFailure, "SGIP:6"), (result.Outcome, result.ErrorCode));
        Assert.Equal(0, harness.Smg.Submits);
    }

    [Fact]
    public async Task AWrongLoginPassword_LeavesTheGatewayDown_WithAReasonNamingTheSettings()
    {
        await using var harness = await SmgHarness.StartAsync(gateway: g => g.LoginPassword = "wrong");

        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13000130000", "test"), CancellationToken.None);

        Assert.Equal(SendOutcome.GatewayUnavailable, result.Outcome);
        Assert.False(harness.Gateway.Health.IsUp);
        Assert.Contains("LoginName and LoginPassword", harness.Gateway.Health.Problem, StringComparison.Ordinal);
        Assert.Equal(0, harness.Smg.Submits);
    }
}
