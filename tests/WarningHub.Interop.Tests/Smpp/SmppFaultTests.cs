using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp;
using WarningHub.Interop.Tests.Support;
using WarningHub.Testing.Peers;
using WarningHub.Testing.Faults;
using Xunit.Abstractions;

namespace WarningHub.Interop.Tests.Smpp;

/// <summary>
/// The fault battery of issue 9 against the npm `smpp` SMSC, with a fault-injecting proxy in between where the fault
/// is on the link. A small loop plays the engine (see <see cref="EngineRole"/>); the SMSC's own records say, per
/// phone, what arrived: every phone one whole message, fragments never alone, duplicates only where flagged.
/// </summary>
public partial class SmppFaultTests(ITestOutputHelper output)
{
    private const string Signature = "【井研县应急管理局】";
    private const string Body =
        "井研县气象台发布暴雨橙色预警信号：过去3小时我县东林镇、集益镇等地降雨量已达50毫米以上，预计未来3小时仍将持续，" +
        "请注意防范山洪、滑坡、泥石流等地质灾害，远离河道、沟渠和危险边坡，转移至安全地带。各村应急队伍立即到岗，逐户通知群众。";

    [Fact]
    public async Task LinkDroppedEvery3sWithSlowResponses_EveryPhoneGetsOneWholeMessage_DuplicatesOnlyWhereFlagged()
    {
        await using var peer = await NodeSmsc.StartAsync();
        await using var proxy = FaultProxy.Start(peer.Port, dropEvery: TimeSpan.FromSeconds(3), responseDelay: TimeSpan.FromMilliseconds(300));
        await using var gateway = await StartAsync(proxy.Port, o => (o.Binds, o.Window, o.RateLimitPerSecond) = (2, 10, 80));
        var messages = LongMessages(300);
        var engine = new EngineRole(gateway);

        var finals = await engine.SendAllAsync(messages, concurrency: 40, limit: TimeSpan.FromMinutes(3));

        var tally = await TallyAsync(peer, finals);
        var flaggedPhones = engine.Flagged.Select(slot => PhoneOf(slot)).ToHashSet();
        var duplicated = tally.Duplicated.ToHashSet();
        output.WriteLine($"drops {proxy.Dropped}, unknown results {engine.UnknownResults}, temporary {engine.TemporaryResults}, unavailable {engine.UnavailableResults}; " +
            $"flagged phones {flaggedPhones.Count}, duplicated phones {duplicated.Count}, orphans {tally.WithOrphans.Count()}");
        Assert.True(proxy.Dropped >= 2, $"the proxy dropped only {proxy.Dropped} connection(s): the fault did not happen");
        AssertEveryPhoneGotOneWholeMessage(messages, finals, tally);
        Assert.Subset(flaggedPhones, duplicated);
        AssertFlagsAreExact(flaggedPhones.Count, duplicated.Count);
    }

    [Fact]
    public async Task ThirtyPercentOfSubmitsThrottled_NothingIsLostAndNothingRepeated()
    {
        await using var peer = await NodeSmsc.StartAsync("--throttle-percent", "30");
        await using var gateway = await StartAsync(peer.Port, o => (o.Binds, o.RateLimitPerSecond, o.ThrottlePause) = (2, 1000, TimeSpan.FromMilliseconds(20)));
        var messages = LongMessages(300);
        var engine = new EngineRole(gateway);

        var finals = await engine.SendAllAsync(messages, concurrency: 40, limit: TimeSpan.FromMinutes(3));

        var tally = await TallyAsync(peer, finals);
        var throttled = peer.OfType("throttled").Count();
        output.WriteLine($"throttled answers {throttled}, submits accepted {peer.OfType("submit").Count()}, temporary {engine.TemporaryResults}");
        Assert.True(throttled > 100, $"only {throttled} throttled answers: the fault did not happen");
        AssertEveryPhoneGotOneWholeMessage(messages, finals, tally);
        Assert.Empty(engine.Flagged);
        Assert.Empty(tally.Duplicated);
    }

    [Fact]
    public async Task SmscDownForAWhile_SendsAreUnavailableWithoutAttempts_ThenEveryMessageGoesOnce()
    {
        await using var peer = await NodeSmsc.StartAsync();
        await using var proxy = FaultProxy.Start(peer.Port);
        await using var gateway = await StartAsync(proxy.Port, o => o.Binds = 2);
        proxy.Down = true;
        Assert.True(await Eventually.TrueAsync(() => !gateway.Health.IsUp), "the gateway did not notice the SMSC going down");
        var messages = LongMessages(100);
        var engine = new EngineRole(gateway, maxAttempts: 3); // waiting must not spend attempts: 3 would run out at once

        var sending = engine.SendAllAsync(messages, concurrency: 20, limit: TimeSpan.FromMinutes(2));
        Assert.True(await Eventually.TrueAsync(() => engine.UnavailableResults >= 20, TimeSpan.FromSeconds(30)), "sends were not reported unavailable");
        var problem = gateway.Health.Problem;
        Assert.True(await Eventually.TrueAsync(() => proxy.Refused >= 2, TimeSpan.FromSeconds(30)), "the gateway did not keep trying to reconnect");
        proxy.Down = false;
        var finals = await sending;

        output.WriteLine($"unavailable results {engine.UnavailableResults}, refused connects {proxy.Refused}, problem while down: {problem}");
        Assert.NotNull(problem);
        Assert.True(gateway.Health.IsUp);
        Assert.Equal(0, engine.TemporaryResults);
        var tally = await TallyAsync(peer, finals);
        AssertEveryPhoneGotOneWholeMessage(messages, finals, tally);
        Assert.Empty(engine.Flagged);
        Assert.Empty(tally.Duplicated);
    }

    [Fact]
    public async Task WrongPassword_HealthSaysWhichSettingsToCheck_AndSendsWait()
    {
        await using var peer = await NodeSmsc.StartAsync("--password", "other");
        await using var gateway = await StartAsync(peer.Port, expectBound: false);

        var result = await gateway.SendAsync(new TextMessage(1, "13800138000", "x"), CancellationToken.None);

        Assert.Equal(SendOutcome.GatewayUnavailable, result.Outcome);
        Assert.False(gateway.Health.IsUp);
        Assert.Contains("check SystemId and Password of gateway node", gateway.Health.Problem, StringComparison.Ordinal);
        Assert.NotEmpty(peer.OfType("bind-refused"));
        Assert.Empty(peer.OfType("submit"));
    }
}
