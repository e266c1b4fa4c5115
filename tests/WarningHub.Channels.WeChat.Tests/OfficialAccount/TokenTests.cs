using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Tests.Support;
using WarningHub.Simulators.WeChat;

namespace WarningHub.Channels.WeChat.Tests.OfficialAccount;

/// <summary>The account's access_token from the simulator's stable_token: shared, refreshed once when refused, never forced.</summary>
public class TokenTests
{
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
}
