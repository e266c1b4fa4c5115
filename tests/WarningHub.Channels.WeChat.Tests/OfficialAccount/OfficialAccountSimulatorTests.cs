using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Tests.Support;
using WarningHub.Simulators.WeChat;

namespace WarningHub.Channels.WeChat.Tests.OfficialAccount;

/// <summary>The official-account adapter against the WeChat simulator.</summary>
public class OfficialAccountSimulatorTests
{
    [Fact]
    public async Task SendAsync_Accepted_ReturnsTheSimulatorsMsgIdAsTheProviderMessageId()
    {
        await using var simulator = await Accounts.StartSimulatorAsync();
        using var account = new WeChatOfficialAccount("county", Accounts.Options(simulator.BaseUrl));

        var result = await account.SendAsync(Accounts.Warning(), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var accepted = Assert.Single(simulator.TemplateMessages);
        Assert.Equal([accepted.MsgId.ToString(CultureInfo.InvariantCulture)], result.ProviderMessageIds);
        Assert.Equal(Accounts.OpenId, accepted.OpenId);
        Assert.Equal("井研县气象台发布暴雨红色预警信号", accepted.Data["keyword1"]);
    }

    [Fact]
    public async Task SendAsync_ToAnUnsubscribedOpenId_FailsPermanentlyWith43004()
    {
        var options = new WeChatSimulatorOptions();
        options.UnsubscribedOpenIds.Add(Accounts.OtherOpenId);
        await using var simulator = await Accounts.StartSimulatorAsync(options);
        using var account = new WeChatOfficialAccount("county", Accounts.Options(simulator.BaseUrl));

        var result = await account.SendAsync(Accounts.Warning(openId: Accounts.OtherOpenId), CancellationToken.None);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("43004", result.ErrorCode);
    }

    [Fact]
    public async Task SendAsync_WhenTheDailyQuotaIsSpent_WaitsForBeijingMidnightWithoutCallingAgain()
    {
        // 10:00 UTC is 18:00 in Beijing: six hours to the quota's reset.
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 7, 1, 10, 0, 0, TimeSpan.Zero));
        var options = new WeChatSimulatorOptions { DailyQuota = 2 };
        // Distinct slots: a resend of one slot would be a repeat of its client_msg_id, not another message.
        await using var simulator = await Accounts.StartSimulatorAsync(options, time);
        using var account = new WeChatOfficialAccount("county", Accounts.Options(simulator.BaseUrl), time: time);
        await account.SendAsync(Accounts.Warning(reference: 1), CancellationToken.None);
        await account.SendAsync(Accounts.Warning(reference: 2), CancellationToken.None);

        var spent = await account.SendAsync(Accounts.Warning(reference: 3), CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1));
        var stillSpent = await account.SendAsync(Accounts.Warning(reference: 4), CancellationToken.None);

        Assert.Equal((SendOutcome.TemporaryFailure, "45009", TimeSpan.FromHours(6)), (spent.Outcome, spent.ErrorCode, spent.RetryAfter));
        Assert.Equal((SendOutcome.TemporaryFailure, "45009", TimeSpan.FromHours(5)), (stillSpent.Outcome, stillSpent.ErrorCode, stillSpent.RetryAfter));
        Assert.Equal(3, simulator.TemplateRequests);

        time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(SendOutcome.Accepted, (await account.SendAsync(Accounts.Warning(reference: 5), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task SendAsync_WhenNothingListens_FailsTemporarilyBecauseNothingLeft()
    {
        using var account = new WeChatOfficialAccount("county", Accounts.Options(new Uri($"http://127.0.0.1:{ClosedPort()}/")));

        var result = await account.SendAsync(Accounts.Warning(), CancellationToken.None);

        Assert.Equal((SendOutcome.TemporaryFailure, "http"), (result.Outcome, result.ErrorCode));
    }

    [Fact]
    public async Task SendAsync_RatePerSecond_IsNeverExceeded()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 7, 1, 2, 0, 0, TimeSpan.Zero));
        await using var simulator = await Accounts.StartSimulatorAsync(time: time);
        var options = Accounts.Options(simulator.BaseUrl);
        options.RatePerSecond = 5;
        using var account = new WeChatOfficialAccount("county", options, time: time);

        var sends = Task.WhenAll(Enumerable.Range(0, 23).Select(i => Task.Run(() => account.SendAsync(Accounts.Warning(reference: i), CancellationToken.None).AsTask())));

        // While the clock stands still, five go and no more: nothing else can free the limiter, so no wait is needed to see it.
        Assert.True(await Eventually.TrueAsync(() => simulator.TemplateRequests >= 5));
        Assert.Equal(5, simulator.TemplateRequests);

        // Each second of the clock lets at most five more go, however the threads are scheduled.
        for (var seconds = 1; seconds <= 20 && !sends.IsCompleted; seconds++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            var bound = Math.Min(23, 5 * (seconds + 1));
            await Eventually.TrueAsync(() => simulator.TemplateRequests == bound, TimeSpan.FromSeconds(2));
            Assert.True(simulator.TemplateRequests <= bound, $"{simulator.TemplateRequests} sends after {seconds} s");
        }

        var results = await sends.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
