using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using WarningHub.Channels.WeChat.Tests.Support;
using WarningHub.Simulators.WeChat;

namespace WarningHub.Channels.WeChat.Tests.Simulator;

/// <summary>The simulator itself answers as WeChat documents, spoken to with a plain HttpClient.</summary>
public sealed class WeChatSimulatorTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 7, 1, 2, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _client = new();
    private WeChatSimulator _simulator = null!;

    public async Task InitializeAsync() => _simulator = await Accounts.StartSimulatorAsync(time: _time);

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task StableToken_AnswersTheDocumentedShape_AndTheTokenExpiresAfterExpiresIn()
    {
        var token = await TokenAsync();
        Assert.Equal(0, await SendAsync(token));

        _time.Advance(TimeSpan.FromSeconds(7200));

        Assert.Equal(42001, await SendAsync(token));
    }

    [Fact]
    public async Task StableToken_NormalMode_AnswersTheSameTokenUntilItsLastFiveMinutes_ThenANewOneWhileTheOldStaysValid()
    {
        var first = await TokenAsync();
        _time.Advance(TimeSpan.FromSeconds(7200 - 301));
        var same = await TokenAsync(expectedExpiresIn: 301);
        _time.Advance(TimeSpan.FromSeconds(1));
        var renewed = await TokenAsync();

        Assert.Equal(first, same);
        Assert.NotEqual(first, renewed);
        Assert.Equal(0, await SendAsync(first));
        _time.Advance(TimeSpan.FromSeconds(300));
        Assert.Equal(42001, await SendAsync(first));
        Assert.Equal(0, await SendAsync(renewed));
    }

    [Fact]
    public async Task StableToken_ForcedRefresh_InvalidatesTheOldTokenAtOnce_AndNotTwiceWithinThirtySeconds()
    {
        var old = await TokenAsync();
        var forced = await TokenAsync(force: true);
        var again = await TokenAsync(force: true);

        Assert.NotEqual(old, forced);
        Assert.Equal(forced, again);
        Assert.Equal(40001, await SendAsync(old));
        Assert.Equal(0, await SendAsync(forced));
        Assert.Equal(1, _simulator.ForcedRefreshes);
    }

    [Theory]
    [InlineData("""{"grant_type":"client_credential","appid":"wx5117a1d2c3e4f501","secret":"wrong"}""", 40125)]
    [InlineData("""{"grant_type":"client_credential","appid":"wx0","secret":"simulated-app-secret"}""", 40013)]
    [InlineData("""{"grant_type":"password","appid":"wx5117a1d2c3e4f501","secret":"simulated-app-secret"}""", 40002)]
    [InlineData("""{"grant_type":"client_credential","appid":"wx5117a1d2c3e4f501","secret":"simulated-app-secret","force_refresh":"no"}""", 47001)]
    [InlineData("grant_type=client_credential", 47001)]
    public async Task StableToken_RefusesWrongCredentialsAndBodies(string body, int errcode)
    {
        using var document = JsonDocument.Parse(await PostTokenAsync(body));

        Assert.Equal(errcode, document.RootElement.GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task TemplateSend_WithAnUnknownToken_Is40001_AndWithoutOne41001()
    {
        Assert.Equal(40001, await SendAsync("no-such-token"));
        Assert.Equal(41001, await SendAsync(string.Empty));
    }

    [Fact]
    public async Task TemplateSend_WithoutData_IsADataFormatError()
    {
        var token = await TokenAsync();

        Assert.Equal(47001, await SendAsync(token, """{"touser":"oia2TjuEGTNoeX76QEjQNrcURxG8","template_id":"t"}"""));
    }

    [Fact]
    public async Task TemplateSend_ARepeatedClientMsgIdWithinTenMinutes_IsDroppedAndAnsweredWithTheFirstMsgId()
    {
        var token = await TokenAsync();
        const string body = """{"touser":"oia2TjuEGTNoeX76QEjQNrcURxG8","template_id":"t","client_msg_id":"wh7-a","data":{"keyword1":{"value":"暴雨"}}}""";

        var first = await SendForReplyAsync(token, body);
        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var repeat = await SendForReplyAsync(token, body);
        _time.Advance(TimeSpan.FromSeconds(1));
        var later = await SendForReplyAsync(token, body);

        Assert.Equal(0, first.GetProperty("errcode").GetInt32());
        Assert.Equal(45065, repeat.GetProperty("errcode").GetInt32());
        Assert.Equal(first.GetProperty("msgid").GetInt64(), repeat.GetProperty("msgid").GetInt64());
        Assert.Equal(0, later.GetProperty("errcode").GetInt32());
        Assert.Equal(2, _simulator.TemplateMessages.Count);
    }

    [Fact]
    public async Task Robot_RefusesUnicodeEscapesAsWeComDoes()
    {
        using var content = new StringContent("""{"msgtype":"text","text":{"content":"\u66b4\u96e8"}}""", Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri(_simulator.BaseUrl, "cgi-bin/webhook/send?key=k1"), content);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(40033, document.RootElement.GetProperty("errcode").GetInt32());
        Assert.Empty(_simulator.RobotMessages);
    }

    [Fact]
    public async Task Robot_TheTwentyFirstMessageInAMinute_Is45009()
    {
        var codes = new List<int>();
        for (var i = 0; i < 21; i++)
        {
            using var content = new StringContent("""{"msgtype":"text","text":{"content":"暴雨"}}""", Encoding.UTF8, "application/json");
            using var response = await _client.PostAsync(new Uri(_simulator.BaseUrl, "cgi-bin/webhook/send?key=k1"), content);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            codes.Add(document.RootElement.GetProperty("errcode").GetInt32());
        }

        Assert.Equal([.. Enumerable.Repeat(0, 20), 45009], codes);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(20, _simulator.RobotMessages.Count);
    }

    private async Task<string> TokenAsync(bool force = false, int expectedExpiresIn = 7200)
    {
        var body = $$"""{"grant_type":"client_credential","appid":"wx5117a1d2c3e4f501","secret":"simulated-app-secret","force_refresh":{{(force ? "true" : "false")}}}""";
        using var document = JsonDocument.Parse(await PostTokenAsync(body));
        Assert.False(document.RootElement.TryGetProperty("errcode", out _));
        if (!force)
        {
            Assert.Equal(expectedExpiresIn, document.RootElement.GetProperty("expires_in").GetInt32());
        }

        return document.RootElement.GetProperty("access_token").GetString()!;
    }

    private async Task<string> PostTokenAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri(_simulator.BaseUrl, "cgi-bin/stable_token"), content);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonElement> SendForReplyAsync(string token, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri(_simulator.BaseUrl, "cgi-bin/message/template/send?access_token=" + Uri.EscapeDataString(token)), content);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<int> SendAsync(string token, string? body = null)
    {
        body ??= """{"touser":"oia2TjuEGTNoeX76QEjQNrcURxG8","template_id":"t","data":{"first":{"value":"暴雨"}}}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri(_simulator.BaseUrl, "cgi-bin/message/template/send?access_token=" + Uri.EscapeDataString(token)), content);
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
        return reply.GetProperty("errcode").GetInt32();
    }
}
