using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Cmpp.Protocol;
using WarningHub.Channels.Sms.Cmpp.Tests.Support;
using WarningHub.Channels.Sms.Common.Text;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Gateway;

/// <summary>CONNECT, TERMINATE, ACTIVE_TEST from the ISMG, handsets' messages and reconnects, against the simulated ISMG.</summary>
public class CmppGatewayLinkTests
{
    [Fact]
    public async Task Start_WithAWrongSecret_LeavesTheGatewayDownWithAReasonNamingTheSettings()
    {
        await using var harness = await IsmgHarness.StartAsync(gateway: o => o.SharedSecret = "wrong");

        var health = harness.Gateway.Health;
        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13800138000", "测试"), CancellationToken.None);

        Assert.False(health.IsUp);
        Assert.Contains("check SourceAddr and SharedSecret of gateway test", health.Problem, StringComparison.Ordinal);
        Assert.Contains("Status 3", health.Problem, StringComparison.Ordinal);
        Assert.Equal(SendOutcome.GatewayUnavailable, result.Outcome);
        Assert.Equal(0, harness.Ismg.Submits);
        Assert.True(harness.Ismg.Refused >= 1);
    }

    [Fact]
    public async Task Start_WithVersion3AgainstAnIsmgThatSpeaksOnly2_SaysToSetVersion2()
    {
        await using var harness = await IsmgHarness.StartAsync(ismg: o => o.MaxVersion = 2, gateway: o => o.Version = 3);

        Assert.Contains("set Version of gateway test to 2", harness.Gateway.Health.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithVerifiedIsmgAuthenticator_ConnectsToAnIsmgThatKnowsTheSecret()
    {
        await using var harness = await IsmgHarness.StartAsync(gateway: o => o.VerifyIsmgAuthenticator = true);

        Assert.True(harness.Gateway.Health.IsUp, harness.Gateway.Health.Problem);
        Assert.Equal(1, harness.Gateway.LiveBinds);
    }

    [Fact]
    public async Task Stop_SendsTerminate()
    {
        await using var harness = await IsmgHarness.StartAsync(gateway: o => o.Binds = 2);
        Assert.True(await Eventually.TrueAsync(() => harness.Gateway.LiveBinds == 2));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await harness.Gateway.StopAsync(timeout.Token);

        Assert.Equal(2, harness.Ismg.Terminates);
        Assert.False(harness.Gateway.Health.IsUp);
    }

    [Fact]
    public async Task ActiveTestFromTheIsmg_IsAnswered()
    {
        await using var harness = await IsmgHarness.StartAsync();

        Assert.Equal(1, harness.Ismg.SendActiveTests());

        Assert.True(await Eventually.TrueAsync(() => harness.Ismg.ActiveTestAnswers == 1));
    }

    [Theory]
    [InlineData(MessageFormat.Ucs2, 2)]
    [InlineData(MessageFormat.Gbk, 3)]
    public async Task AHandsetsReply_ComesOutAsAnInboundText_AndIsAnswered(byte format, int version)
    {
        await using var harness = await IsmgHarness.StartAsync(gateway: o => o.Version = version);
        var content = format == MessageFormat.Gbk ? MessageText.ToGbk("收到，已转移") : System.Text.Encoding.BigEndianUnicode.GetBytes("收到，已转移");

        Assert.True(harness.Ismg.SendMobileOriginated("13900139000", "106570011", content, format));
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var reply = await harness.Gateway.InboundTexts.ReadAsync(wait.Token);

        Assert.Equal(("13900139000", "106570011", "收到，已转移"), (reply.Sender, reply.Recipient, reply.Text));
        Assert.True(await Eventually.TrueAsync(() => harness.Ismg.DeliverResponses == 1));
        Assert.False(harness.Gateway.Receipts.TryRead(out _));
    }

    [Fact]
    public async Task ALinkThatDrops_IsReconnected_AndSendsGoOn()
    {
        await using var harness = await IsmgHarness.StartAsync();

        harness.Ismg.DropConnections();
        Assert.True(await Eventually.TrueAsync(() => harness.Ismg.Connects == 2 && harness.Gateway.LiveBinds == 1));
        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13800138000", "测试"), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.True(harness.Gateway.Health.IsUp);
    }
}
