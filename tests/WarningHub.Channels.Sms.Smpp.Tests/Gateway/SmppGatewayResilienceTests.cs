using System.Net.Sockets;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Tests.Support;
using WarningHub.Simulators.Smsc;
using WarningHub.Testing.Faults;

namespace WarningHub.Channels.Sms.Smpp.Tests.Gateway;

public class SmppGatewayResilienceTests
{
    [Fact]
    public async Task Submit_WhenGatewayThrottles_SlowsDownAndLosesNothing()
    {
        const int messages = 250;
        await using var harness = await SmscHarness.StartAsync(s => s.RateLimitPerSecond = 100, g => g.Window = 32);

        var results = await Task.WhenAll(Enumerable.Range(0, messages).Select(i => harness.SendAsync("throttle " + i, reference: i).AsTask()))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        Assert.True(harness.Smsc.Throttled > 0, "the simulator never throttled, so nothing was tested");
        Assert.Equal(messages, harness.Smsc.PartsAccepted);
        var ids = results.Select(r => r.ProviderMessageIds[0]).ToHashSet();
        Assert.Equal(messages, ids.Count);
        var receipts = await harness.ReceiptsAsync(messages);
        Assert.True(ids.SetEquals(receipts.Select(r => r.ProviderMessageId)));
    }

    [Fact]
    public async Task Send_WhenThrottlingNeverEnds_GivesUpWithinItsBoundsAsTemporary()
    {
        await using var harness = await SmscHarness.StartAsync(gateway: g => (g.ThrottleMaxAttempts, g.ThrottleMaxWait) = (3, TimeSpan.FromSeconds(5)));
        harness.Smsc.RejectDestination("13800138000", 0x00000058);

        var result = await harness.SendAsync("never");

        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal("0x00000058", result.ErrorCode);
        Assert.NotNull(result.RetryAfter);
        Assert.Equal(3, harness.Smsc.Submits);
    }

    [Fact]
    public async Task Send_AfterTheSmscDropsTheConnection_ReconnectsAndSendsAgain()
    {
        await using var harness = await SmscHarness.StartAsync(gateway: g => g.Binds = 2);
        Assert.True(await Eventually.TrueAsync(() => harness.Gateway.LiveBinds == 2));
        Assert.Equal(SendOutcome.Accepted, (await harness.SendAsync("before")).Outcome);

        harness.Smsc.DropConnections();

        Assert.True(await Eventually.TrueAsync(() => harness.Smsc.Binds == 4 && harness.Gateway.LiveBinds == 2), "the gateway did not bind again");
        var after = await harness.SendAsync("after");
        Assert.Equal(SendOutcome.Accepted, after.Outcome);
        Assert.Equal(2, (await harness.ReceiptsAsync(2)).Count);
    }

    [Fact]
    public async Task Send_WhenTheConnectionDiesAfterTheSubmitWasWritten_IsUnknown()
    {
        await using var harness = await SmscHarness.StartAsync();
        harness.Smsc.SwallowSubmits = true;

        var send = harness.SendAsync("lost answer").AsTask();
        Assert.True(await Eventually.TrueAsync(() => harness.Smsc.Submits == 1));
        harness.Smsc.DropConnections();
        var result = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SendOutcome.Unknown, result.Outcome);
        Assert.Contains("after submit_sm was written", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WhenTheSecondPartIsLost_IsUnknown_AndTheResendSendsOnlyThatPartUnderTheSameReference()
    {
        // Window 1: part 2 is written only after part 1 is answered, so the test decides which answer is lost.
        await using var harness = await SmscHarness.StartAsync(s => s.RecordMessages = true, g => g.Window = 1);
        var text = new string('x', 200); // two GSM parts
        harness.Smsc.HoldResponses = true;

        var send = harness.SendAsync(text, reference: 42).AsTask();
        Assert.True(await Eventually.TrueAsync(() => harness.Smsc.Submits == 1));
        harness.Smsc.SwallowSubmits = true;
        harness.Smsc.HoldResponses = false;
        harness.Smsc.ReleaseHeldResponses();
        Assert.True(await Eventually.TrueAsync(() => harness.Smsc.Submits == 2));
        harness.Smsc.DropConnections();
        var first = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SendOutcome.Unknown, first.Outcome);
        Assert.Contains("Parts 1 of 2 were accepted", first.Reason, StringComparison.Ordinal);
        harness.Smsc.SwallowSubmits = false;
        Assert.True(await Eventually.TrueAsync(() => harness.Gateway.LiveBinds == 1));
        var resend = await harness.SendAsync(text, reference: 42);

        Assert.Equal(SendOutcome.Accepted, resend.Outcome);
        Assert.Equal(2, resend.ProviderMessageIds.Count);
        Assert.Contains(resend.ProviderMessageIds[0], first.Reason, StringComparison.Ordinal);
        Assert.Equal(3, harness.Smsc.Submits); // part 1 once, part 2 twice (its first copy was swallowed)
        var message = Assert.Single(harness.Smsc.ReceivedMessages); // one reference: the SMSC reassembled both parts
        Assert.Equal(text, message.Text);
    }

    [Fact]
    public async Task Send_WhenTheLinkGoesBeforeTheRestIsWritten_IsUnavailableNotUnknown_AndTheResendSendsOnlyTheRest()
    {
        await using var smsc = new SmscSimulator(new SmscSimulatorOptions { RecordMessages = true });
        smsc.Start();
        await using var proxy = FaultProxy.Start(smsc.Port);
        await using var gateway = new SmppGateway("slow", new SmppOptions
        {
            Host = "127.0.0.1",
            Port = proxy.Port,
            SystemId = smsc.Options.SystemId,
            Password = smsc.Options.Password,
            RateLimitPerSecond = 1, // part 2 waits about a second for the limiter: time to cut the link
            ReconnectMin = TimeSpan.FromMilliseconds(50),
            ReconnectMax = TimeSpan.FromMilliseconds(200),
        });
        await gateway.StartAsync(CancellationToken.None);
        var text = new string('y', 300); // two GSM parts

        var send = gateway.SendAsync(new TextMessage(7, "13800138000", text), CancellationToken.None).AsTask();
        Assert.True(await Eventually.TrueAsync(() => smsc.PartsAccepted == 1));
        proxy.Down = true;
        var first = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SendOutcome.GatewayUnavailable, first.Outcome);
        Assert.Contains("Parts 1 of 2 were accepted", first.Reason, StringComparison.Ordinal);
        Assert.Equal(1, smsc.Submits);
        proxy.Down = false;
        Assert.True(await Eventually.TrueAsync(() => gateway.LiveBinds == 1));
        var resend = await gateway.SendAsync(new TextMessage(7, "13800138000", text), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, resend.Outcome);
        Assert.Equal(2, smsc.Submits);
        Assert.Equal(text, Assert.Single(smsc.ReceivedMessages).Text);
    }

    [Fact]
    public async Task Start_WithAWrongPassword_LeavesNoLiveBind_SendsAreUnavailable_AndHealthNamesTheSettings()
    {
        await using var smsc = new SmscSimulator();
        smsc.Start();
        await using var gateway = new SmppGateway("wrong", new SmppOptions
        {
            Host = "127.0.0.1",
            Port = smsc.Port,
            SystemId = smsc.Options.SystemId,
            Password = "wrong",
            ResponseTimeout = TimeSpan.FromMilliseconds(300),
            ReconnectMin = TimeSpan.FromMilliseconds(100),
        });

        await gateway.StartAsync(CancellationToken.None);
        var result = await gateway.SendAsync(new TextMessage(1, "13800138000", "x"), CancellationToken.None);

        Assert.Equal(0, gateway.LiveBinds);
        Assert.Equal(SendOutcome.GatewayUnavailable, result.Outcome);
        Assert.Equal(0, smsc.Submits);
        Assert.False(gateway.Health.IsUp);
        Assert.Contains("check SystemId and Password of gateway wrong", gateway.Health.Problem, StringComparison.Ordinal);
        Assert.Equal(gateway.Health.Problem, result.Reason);
    }

    [Fact]
    public async Task Start_WhenTheSmscIsDown_ReturnsAndBindsOnceItComesUp()
    {
        int port;
        await using (var probe = new SmscSimulator())
        {
            probe.Start();
            port = probe.Port; // a port that was free a moment ago and is closed now
        }

        await using var gateway = new SmppGateway("late", new SmppOptions
        {
            Host = "127.0.0.1",
            Port = port,
            SystemId = "warninghub",
            Password = "secret",
            ReconnectMin = TimeSpan.FromMilliseconds(50),
            ReconnectMax = TimeSpan.FromMilliseconds(200),
        });
        await gateway.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, gateway.LiveBinds);
        var whileDown = await gateway.SendAsync(new TextMessage(1, "13800138000", "late"), CancellationToken.None);
        Assert.Equal(SendOutcome.GatewayUnavailable, whileDown.Outcome);
        Assert.False(gateway.Health.IsUp);
        Assert.Contains("Cannot connect gateway late", gateway.Health.Problem, StringComparison.Ordinal);
        var downSince = gateway.Health.Since;

        await using var smsc = new SmscSimulator(new SmscSimulatorOptions { Port = port });
        smsc.Start();

        Assert.True(await Eventually.TrueAsync(() => gateway.LiveBinds == 1), "the gateway did not bind after the SMSC came up");
        var result = await gateway.SendAsync(new TextMessage(1, "13800138000", "late"), CancellationToken.None);
        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.True(gateway.Health.IsUp);
        Assert.True(gateway.Health.Since >= downSince);
    }

    [Fact]
    public async Task Stop_UnbindsPolitely_AndLaterSendsAreUnavailable()
    {
        await using var harness = await SmscHarness.StartAsync(gateway: g => g.Binds = 2);
        Assert.True(await Eventually.TrueAsync(() => harness.Smsc.Connections == 2));

        await harness.Gateway.StopAsync(CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => harness.Smsc.Connections == 0));
        Assert.Equal(0, harness.Gateway.LiveBinds);
        Assert.Equal(SendOutcome.GatewayUnavailable, (await harness.SendAsync("late")).Outcome);
        Assert.False(harness.Gateway.Health.IsUp);
    }

    [Fact]
    public async Task IdleBind_SendsEnquireLink_AndStaysBound()
    {
        await using var harness = await SmscHarness.StartAsync(gateway: g => g.EnquireLinkInterval = TimeSpan.FromMilliseconds(100));

        Assert.True(await Eventually.TrueAsync(() => harness.Smsc.EnquireLinks >= 3));
        Assert.Equal(1, harness.Gateway.LiveBinds);
        Assert.Equal(1, harness.Smsc.Binds);
    }

    [Fact]
    public async Task TransmitterBind_SendsButGetsNoReceipts()
    {
        await using var harness = await SmscHarness.StartAsync(gateway: g => g.BindMode = SmppBindMode.Transmitter);

        var result = await harness.SendAsync("tx only");

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.False(harness.Gateway.Definition.SupportsReceipts);
        Assert.Equal(0, harness.Smsc.ReceiptsSent);
    }

    [Fact]
    public async Task Simulator_GivenABrokenCommandLength_AnswersGenericNackAndHangsUp()
    {
        await using var smsc = new SmscSimulator();
        smsc.Start();
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", smsc.Port);

        await socket.SendAsync(Hex.Parse("00000008 00000015 00000000 00000001"), SocketFlags.None);
        var answer = new byte[64];
        var received = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (received < answer.Length)
        {
            var n = await socket.ReceiveAsync(answer.AsMemory(received), SocketFlags.None, timeout.Token);
            if (n == 0)
            {
                break; // closed by the simulator, as it must
            }

            received += n;
        }

        Assert.Equal("00000010800000000000000200000000", Hex.Format(answer.AsSpan(0, received)));
    }
}
