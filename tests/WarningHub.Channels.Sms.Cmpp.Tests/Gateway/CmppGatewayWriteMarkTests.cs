using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Cmpp.Tests.Support;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Gateway;

/// <summary>
/// "Possibly duplicated" is exact for CMPP too: the adapter tells the hub right before a SUBMIT may leave, and only then
/// (issue 9: without it the hub marked every handed-over slot, so a crash flagged slots that never left).
/// </summary>
public class CmppGatewayWriteMarkTests
{
    private static readonly string LongText = string.Concat(Enumerable.Repeat("山洪预警：沿河群众立即撤离。", 10)); // three parts

    [Fact]
    public async Task Definition_DeclaresThatItReportsWrites()
    {
        await using var harness = await IsmgHarness.StartAsync(start: false);

        Assert.True(harness.Gateway.Definition.ReportsWrites);
    }

    [Fact]
    public async Task Send_OfALongMessage_MarksOnce_BeforeItsFirstSubmitReachesTheIsmg()
    {
        await using var harness = await IsmgHarness.StartAsync(ismg: o => o.SendReports = false);
        var submitsWhenMarked = new List<long>();
        var message = new TextMessage(7, "13800138000", LongText)
        {
            BeforeWrite = _ =>
            {
                submitsWhenMarked.Add(harness.Ismg.Submits);
                return ValueTask.CompletedTask;
            },
        };

        var result = await harness.Gateway.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.True(result.ProviderMessageIds.Count > 1, "the text was meant to need several parts");
        Assert.Equal([0L], submitsWhenMarked);
        Assert.Equal(result.ProviderMessageIds.Count, harness.Ismg.Submits);
    }

    [Fact]
    public async Task Send_WhenTheHubCannotRecordTheWrite_WritesNothingAndAnswersTemporary()
    {
        await using var harness = await IsmgHarness.StartAsync();
        var message = new TextMessage(8, "13800138000", LongText) { BeforeWrite = _ => throw new IOException("disk full") };

        var result = await harness.Gateway.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Contains("disk full", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0, harness.Ismg.Submits);
    }

    [Fact]
    public async Task Send_WhileNoLinkIsUp_IsUnavailable_AndMarksNothing()
    {
        await using var harness = await IsmgHarness.StartAsync(gateway: o => o.SharedSecret = "wrong");
        var marks = 0;
        var message = new TextMessage(9, "13800138000", LongText)
        {
            BeforeWrite = _ =>
            {
                marks++;
                return ValueTask.CompletedTask;
            },
        };

        var result = await harness.Gateway.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.GatewayUnavailable, result.Outcome);
        Assert.Equal(0, marks);
    }
}
