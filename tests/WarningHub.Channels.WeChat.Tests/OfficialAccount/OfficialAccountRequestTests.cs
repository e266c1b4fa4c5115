using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Tests.Support;

namespace WarningHub.Channels.WeChat.Tests.OfficialAccount;

/// <summary>The exact requests the adapter sends, and its reading of answers, against a scripted server.</summary>
public class OfficialAccountRequestTests : IAsyncLifetime
{
    private ScriptedApi _api = null!;

    public async Task InitializeAsync() => _api = await ScriptedApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task SendAsync_SendsTheDocumentedTokenRequestAndTemplateRequest()
    {
        _api.ThenToken("ACCESS_TOKEN_1").Then("""{"errcode":0,"errmsg":"ok","msgid":200228332}""");
        using var account = Account();

        var result = await account.SendAsync(Accounts.Warning(), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(["200228332"], result.ProviderMessageIds);
        var (token, send) = (_api.Seen[0], _api.Seen[1]);
        Assert.Equal(("POST", "/cgi-bin/stable_token", ""), (token.Method, token.Path, token.Query));
        Assert.StartsWith("application/json", token.ContentType, StringComparison.Ordinal);
        Assert.Equal("""{"grant_type":"client_credential","appid":"wx5117a1d2c3e4f501","secret":"simulated-app-secret","force_refresh":false}""", token.Body);
        Assert.Equal(("POST", "/cgi-bin/message/template/send", "?access_token=ACCESS_TOKEN_1"), (send.Method, send.Path, send.Query));
        Assert.StartsWith("application/json", send.ContentType, StringComparison.Ordinal);
        Assert.Equal(
            """{"touser":"oia2TjuEGTNoeX76QEjQNrcURxG8","template_id":"tpl-default","data":{"keyword1":{"value":"井研县气象台发布暴雨红色预警信号"},"keyword2":{"value":"研城街道、马踏镇"},"keyword3":{"value":"请远离河道，转移到安全地带。"}}}""",
            Bodies.WithoutClientMsgId(send.Body, reference: 1));
    }

    [Fact]
    public async Task SendAsync_ToAnAddressNamingThisAccount_SendsToTheOpenId_AndOneNamingAnotherAccountIsRefusedUnsent()
    {
        _api.ThenToken().Then("""{"errcode":0,"errmsg":"ok","msgid":11}""");
        using var account = Account(); // "county"

        var own = await account.SendAsync(Accounts.Warning("county:" + Accounts.OpenId), CancellationToken.None);
        var other = await account.SendAsync(Accounts.Warning("city:" + Accounts.OtherOpenId, reference: 2), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, own.Outcome);
        Assert.Contains($"\"touser\":\"{Accounts.OpenId}\"", _api.Seen[1].Body, StringComparison.Ordinal);
        Assert.Equal((SendOutcome.PermanentFailure, "40003"), (other.Outcome, other.ErrorCode));
        Assert.Equal(2, _api.Seen.Count); // the token and the county follower's send: nothing for the city's follower
    }

    [Fact]
    public async Task SendAsync_KeepsAMsgIdBeyondTheRangeOfADoubleExact()
    {
        _api.ThenToken().Then("""{"errcode":0,"errmsg":"ok","msgid":3662956322040938501}""");
        using var account = Account();

        var result = await account.SendAsync(Accounts.Warning(), CancellationToken.None);

        Assert.Equal(["3662956322040938501"], result.ProviderMessageIds);
    }

    [Theory]
    [InlineData(40001)]
    [InlineData(40014)]
    [InlineData(42001)]
    public async Task SendAsync_WhenTheTokenIsRefused_RefreshesOnceAndRetriesOnce(int errcode)
    {
        _api.ThenToken("OLD").Then($$"""{"errcode":{{errcode}},"errmsg":"refused"}""").ThenToken("NEW").Then("""{"errcode":0,"errmsg":"ok","msgid":7}""");
        using var account = Account();

        var result = await account.SendAsync(Accounts.Warning(), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(["/cgi-bin/stable_token", "/cgi-bin/message/template/send", "/cgi-bin/stable_token", "/cgi-bin/message/template/send"], _api.Seen.Select(s => s.Path));
        Assert.Contains("\"force_refresh\":false", _api.Seen[2].Body, StringComparison.Ordinal);
        Assert.Equal("?access_token=NEW", _api.Seen[3].Query);
    }

    [Fact]
    public async Task SendAsync_WhenStableTokenAnswersTheRefusedTokenAgain_FailsTemporarilyWithoutSendingItAgain()
    {
        _api.ThenToken("SAME").Then("""{"errcode":42001,"errmsg":"access_token expired"}""").ThenToken("SAME");
        using var account = Account();

        var result = await account.SendAsync(Accounts.Warning(), CancellationToken.None);

        Assert.Equal((SendOutcome.TemporaryFailure, "42001"), (result.Outcome, result.ErrorCode));
        Assert.Equal(3, _api.Seen.Count);
    }

    [Fact]
    public async Task SendAsync_WhenTheFreshTokenIsRefusedToo_FailsTemporarilyWithoutAThirdTry()
    {
        _api.ThenToken("OLD").Then("""{"errcode":40001,"errmsg":"invalid credential"}""")
            .ThenToken("NEW").Then("""{"errcode":40001,"errmsg":"invalid credential"}""");
        using var account = Account();

        var result = await account.SendAsync(Accounts.Warning(), CancellationToken.None);

        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal("40001", result.ErrorCode);
        Assert.Equal(4, _api.Seen.Count);
    }

    [Fact]
    public async Task SendAsync_WhenWeChatSaysTheClientMsgIdExists_CountsTheSendAsAcceptedUnderTheFirstMsgId()
    {
        _api.ThenToken().Then("""{"errcode":45065,"errmsg":"clientmsgid exist","msgid":3662956322040938001}""");
        using var account = Account();

        var result = await account.SendAsync(Accounts.Warning(), CancellationToken.None);

        Assert.Equal((SendOutcome.Accepted, "3662956322040938001"), (result.Outcome, Assert.Single(result.ProviderMessageIds)));
    }

    [Fact]
    public async Task SendAsync_WhenWeChatSaysTheClientMsgIdExistsWithoutAMsgId_IsStillAccepted_NotSentAThirdTime()
    {
        _api.ThenToken().Then("""{"errcode":45065,"errmsg":"clientmsgid exist"}""");
        using var account = Account();

        var result = await account.SendAsync(Accounts.Warning(), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Empty(result.ProviderMessageIds);
    }

    [Theory]
    [InlineData(-1, SendOutcome.TemporaryFailure)]
    [InlineData(45047, SendOutcome.TemporaryFailure)]
    [InlineData(45011, SendOutcome.TemporaryFailure)]
    [InlineData(99999, SendOutcome.TemporaryFailure)]
    [InlineData(43004, SendOutcome.PermanentFailure)]
    [InlineData(40003, SendOutcome.PermanentFailure)]
    [InlineData(40037, SendOutcome.PermanentFailure)]
    [InlineData(40036, SendOutcome.PermanentFailure)]
    [InlineData(47003, SendOutcome.PermanentFailure)]
    [InlineData(48001, SendOutcome.PermanentFailure)]
    public async Task SendAsync_ClassifiesErrcodesAsTheTableSays(int errcode, SendOutcome expected)
    {
        _api.ThenToken().Then($$"""{"errcode":{{errcode}},"errmsg":"rid: 6385c6c1-0fcadca1-22c1fc91"}""");
        using var account = Account();

        var result = await account.SendAsync(Accounts.Warning(), CancellationToken.None);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(errcode.ToString(System.Globalization.CultureInfo.InvariantCulture), result.ErrorCode);
        Assert.Empty(result.ProviderMessageIds);
        Assert.Equal(errcode == 45011 ? TimeSpan.FromMinutes(1) : null, result.RetryAfter);
    }

    [Theory]
    [InlineData(200, SendOutcome.Unknown)]
    [InlineData(502, SendOutcome.Unknown)]
    [InlineData(503, SendOutcome.TemporaryFailure)]
    [InlineData(404, SendOutcome.TemporaryFailure)]
    public async Task SendAsync_AnAnswerThatIsNotAWeChatReply_IsReadByItsHttpStatus(int status, SendOutcome expected)
    {
        _api.ThenToken().Then("<html>bad gateway</html>", status);
        using var account = Account();

        var result = await account.SendAsync(Accounts.Warning(), CancellationToken.None);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal($"http-{status}", result.ErrorCode);
    }

    [Fact]
    public async Task SendAsync_WhenTheTokenEndpointRefuses_FailsTemporarilyWithItsErrcodeAndSendsNothing()
    {
        _api.Then("""{"errcode":40164,"errmsg":"invalid ip 10.0.0.8, not in whitelist"}""");
        using var account = Account();

        var result = await account.SendAsync(Accounts.Warning(), CancellationToken.None);

        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal("40164", result.ErrorCode);
        Assert.Single(_api.Seen);
    }

    [Theory]
    [InlineData("13800001111")]
    [InlineData("张三")]
    [InlineData("")]
    public async Task SendAsync_ToAnAddressThatIsNotAnOpenId_FailsPermanentlyWithoutARequest(string address)
    {
        using var account = Account();

        var result = await account.SendAsync(Accounts.Warning(openId: address), CancellationToken.None);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Empty(_api.Seen);
    }

    [Fact]
    public async Task SendAsync_WhenTheApiIsGoneAfterTheToken_FailsTemporarilyBecauseNothingLeft()
    {
        _api.ThenToken().Then("""{"errcode":0,"errmsg":"ok","msgid":1}""");
        using var account = Account();
        await account.SendAsync(Accounts.Warning(), CancellationToken.None);
        await _api.DisposeAsync();

        var result = await account.SendAsync(Accounts.Warning(), CancellationToken.None);

        Assert.Equal((SendOutcome.TemporaryFailure, "http"), (result.Outcome, result.ErrorCode));
    }

    [Fact]
    public async Task SendAsync_WhenCancelledBeforeSending_ThrowsAndSendsNothing()
    {
        using var account = Account();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => account.SendAsync(Accounts.Warning(), cancelled.Token).AsTask());
        Assert.Empty(_api.Seen);
    }

    private WeChatOfficialAccount Account() => new("county", Accounts.Options(_api.BaseUrl));
}
