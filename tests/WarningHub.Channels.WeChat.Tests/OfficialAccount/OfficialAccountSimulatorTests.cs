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
    public async Task SendAsync_HundredConcurrentSends_ShareOneTokenRequest()
    {
        await using var simulator = await Accounts.StartSimulatorAsync();
        using var account = new WeChatOfficialAccount("county", Accounts.Options(simulator.BaseUrl));

        var results = await Task.WhenAll(Enumerable.Range(0, 100)
            .Select(i => Task.Run(() => account.SendAsync(Accounts.Warning(reference: i), CancellationToken.None).AsTask())));

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        Assert.Equal(1, simulator.TokenRequests);
        Assert.Equal(100, results.Select(r => r.ProviderMessageIds[0]).Distinct().Count());
    }

    [Fact]
    public async Task SendAsync_TwoAccountsOfOneAppIdWithASharedCache_ShareOneToken()
    {
        await using var simulator = await Accounts.StartSimulatorAsync();
        var cache = new InMemoryAccessTokenCache();
        using var first = new WeChatOfficialAccount("county", Accounts.Options(simulator.BaseUrl), cache);
        using var second = new WeChatOfficialAccount("county-copy", Accounts.Options(simulator.BaseUrl), cache);

        await first.SendAsync(Accounts.Warning(), CancellationToken.None);
        var result = await second.SendAsync(Accounts.Warning(), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(1, simulator.TokenRequests);
    }

    [Fact]
    public async Task SendAsync_AfterWeChatForgetsTheToken40001_RefreshesOnceAndSends()
    {
        await using var simulator = await Accounts.StartSimulatorAsync();
        using var account = new WeChatOfficialAccount("county", Accounts.Options(simulator.BaseUrl));
        await account.SendAsync(Accounts.Warning(), CancellationToken.None);
        simulator.ForgetAllTokens();

        var result = await account.SendAsync(Accounts.Warning(), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(2, simulator.TokenRequests);
        Assert.Equal(3, simulator.TemplateRequests);
        Assert.Equal(0, simulator.ForcedRefreshes);
    }

    [Fact]
    public async Task SendAsync_AfterSomeoneForcedARefresh40001_TakesTheNewTokenWithoutForcingAgain()
    {
        await using var simulator = await Accounts.StartSimulatorAsync();
        using var account = new WeChatOfficialAccount("county", Accounts.Options(simulator.BaseUrl));
        await account.SendAsync(Accounts.Warning(reference: 1), CancellationToken.None);
        await ForceRefreshAsync(simulator);

        var result = await account.SendAsync(Accounts.Warning(reference: 2), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(3, simulator.TemplateRequests);
        Assert.Equal(1, simulator.ForcedRefreshes);
    }

    [Fact]
    public async Task SendAsync_FiftyConcurrentSendsAfterTheTokenExpiredEarly42001_RefreshItOnce()
    {
        await using var simulator = await Accounts.StartSimulatorAsync();
        using var account = new WeChatOfficialAccount("county", Accounts.Options(simulator.BaseUrl));
        await account.SendAsync(Accounts.Warning(), CancellationToken.None);
        simulator.ExpireAllTokens();

        var results = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => Task.Run(() => account.SendAsync(Accounts.Warning(reference: i), CancellationToken.None).AsTask())));

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        Assert.Equal(2, simulator.TokenRequests);
    }

    [Fact]
    public async Task SendAsync_BeforeTheTokenExpires_ReplacesItByTheMargin()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 7, 1, 2, 0, 0, TimeSpan.Zero));
        await using var simulator = await Accounts.StartSimulatorAsync(time: time);
        using var account = new WeChatOfficialAccount("county", Accounts.Options(simulator.BaseUrl), time: time);
        await account.SendAsync(Accounts.Warning(), CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(7200) - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await account.SendAsync(Accounts.Warning(), CancellationToken.None);
        Assert.Equal(1, simulator.TokenRequests);

        time.Advance(TimeSpan.FromSeconds(1));
        var result = await account.SendAsync(Accounts.Warning(), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(2, simulator.TokenRequests);
        Assert.Equal(3, simulator.TemplateRequests);
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
    public async Task SendAsync_WithAWrongAppSecret_FailsTemporarilyWithTheTokenEndpointsErrcode()
    {
        await using var simulator = await Accounts.StartSimulatorAsync();
        var options = Accounts.Options(simulator.BaseUrl);
        options.AppSecret = "wrong-secret";
        using var account = new WeChatOfficialAccount("county", options);

        var result = await account.SendAsync(Accounts.Warning(), CancellationToken.None);

        Assert.Equal((SendOutcome.TemporaryFailure, "40125"), (result.Outcome, result.ErrorCode));
        Assert.Equal(0, simulator.TemplateRequests);
        Assert.DoesNotContain("wrong-secret", result.Reason, StringComparison.Ordinal);
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

        // While the clock stands still, five go and no more.
        Assert.True(await Eventually.TrueAsync(() => simulator.TemplateRequests == 5));
        await Task.Delay(100);
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

    /// <summary>What an operator does when a token leaked: stable_token with force_refresh, invalidating the old token.</summary>
    private static async Task ForceRefreshAsync(WeChatSimulator simulator)
    {
        using var client = new HttpClient();
        using var body = new StringContent(
            """{"grant_type":"client_credential","appid":"wx5117a1d2c3e4f501","secret":"simulated-app-secret","force_refresh":true}""",
            System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(simulator.BaseUrl, "cgi-bin/stable_token"), body);
        response.EnsureSuccessStatusCode();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
