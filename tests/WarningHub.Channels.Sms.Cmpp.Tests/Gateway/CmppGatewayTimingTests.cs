using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Cmpp.Tests.Support;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Gateway;

/// <summary>CMPP's timing rules (T = 60 s, N = 3, C = 3 min) on a fake clock: the sockets are real, the minutes are not.</summary>
public class CmppGatewayTimingTests
{
    [Fact]
    public async Task ASubmitUnansweredFor60Seconds_IsResentThreeTimes_ThenTheLinkIsBrokenAndTheOutcomeUnknown()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 7, 4, 0, 0, TimeSpan.Zero));
        await using var harness = await IsmgHarness.StartAsync(
            ismg: o => o.SwallowSubmits = true,
            gateway: o => o.ActiveTestInterval = TimeSpan.FromHours(1),
            time: time);

        var send = harness.Gateway.SendAsync(new TextMessage(1, "13800138000", "测试"), CancellationToken.None).AsTask();
        Assert.True(await Eventually.TrueAsync(() => harness.Ismg.Submits == 1));
        for (var resend = 1; resend <= 3; resend++)
        {
            time.Advance(TimeSpan.FromSeconds(60));
            Assert.True(await Eventually.TrueAsync(() => harness.Ismg.Submits == 1 + resend), $"resend {resend} did not arrive");
        }

        time.Advance(TimeSpan.FromSeconds(60));
        var result = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SendOutcome.Unknown, result.Outcome);
        Assert.Single(harness.Ismg.RecordedSubmits.Select(s => s.Sequence).Distinct()); // the same SUBMIT each time
        Assert.True(await Eventually.TrueAsync(() => harness.Gateway.LiveBinds == 0 && !harness.Gateway.Health.IsUp));
    }

    [Fact]
    public async Task ASubmitAnsweredAfterAResend_IsAccepted()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 7, 4, 0, 0, TimeSpan.Zero));
        await using var harness = await IsmgHarness.StartAsync(
            ismg: o => (o.SwallowSubmits, o.SendReports) = (true, false),
            gateway: o => o.ActiveTestInterval = TimeSpan.FromHours(1),
            time: time);

        var send = harness.Gateway.SendAsync(new TextMessage(1, "13800138000", "测试"), CancellationToken.None).AsTask();
        Assert.True(await Eventually.TrueAsync(() => harness.Ismg.Submits == 1));
        harness.Ismg.Options.SwallowSubmits = false;
        time.Advance(TimeSpan.FromSeconds(60));
        var result = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(2, harness.Ismg.Submits);
    }

    [Fact]
    public async Task AnIdleLink_SendsActiveTestAfterThreeMinutes_AndStaysUpWhileItIsAnswered()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 7, 4, 0, 0, TimeSpan.Zero));
        await using var harness = await IsmgHarness.StartAsync(time: time);

        time.Advance(TimeSpan.FromMinutes(3));
        Assert.True(await Eventually.TrueAsync(() => harness.Ismg.ActiveTestsReceived == 1));
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.True(await Eventually.TrueAsync(() => harness.Ismg.ActiveTestsReceived == 2));

        Assert.Equal(1, harness.Gateway.LiveBinds);
        Assert.True(harness.Gateway.Health.IsUp);
    }

    [Fact]
    public async Task AnActiveTestUnansweredAfterThreeResends_DropsTheLink()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 7, 4, 0, 0, TimeSpan.Zero));
        await using var harness = await IsmgHarness.StartAsync(ismg: o => o.AnswerActiveTests = false, time: time);

        time.Advance(TimeSpan.FromMinutes(3));
        Assert.True(await Eventually.TrueAsync(() => harness.Ismg.ActiveTestsReceived == 1));
        for (var resend = 1; resend <= 3; resend++)
        {
            time.Advance(TimeSpan.FromSeconds(60));
            Assert.True(await Eventually.TrueAsync(() => harness.Ismg.ActiveTestsReceived == 1 + resend));
        }

        time.Advance(TimeSpan.FromSeconds(60));

        Assert.True(await Eventually.TrueAsync(() => harness.Gateway.LiveBinds == 0));
        Assert.Contains("was lost", harness.Gateway.Health.Problem, StringComparison.Ordinal);
    }
}
