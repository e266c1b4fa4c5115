using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Channels.Voice.Tests.Support;

namespace WarningHub.Channels.Voice.Tests.Calls;

public sealed class VoiceGatewaySendTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 8, 30, 0, TimeSpan.Zero);

    private static TextMessage Call(string to = "13800138000", string text = "县气象台发布暴雨红色预警", string callId = "ack:7:42:voice:1") =>
        new(-5, to, text, RequestReceipt: false) { Fields = new Dictionary<string, string> { [MessageFields.CallId] = callId } };

    [Fact]
    public async Task Send_SignsTheExactBodyBytes_LikeAnHmacComputedIndependently()
    {
        await using var server = await ScriptedGateway.StartAsync();
        var time = new FakeTimeProvider(Start);
        using var gateway = new VoiceGateway("test", Gateways.Options(server.Url), time);

        var result = await gateway.SendAsync(Call(), default);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(["ack:7:42:voice:1"], result.ProviderMessageIds);
        var request = Assert.Single(server.Requests);
        var timestamp = request.Headers["X-WH-Timestamp"];
        var nonce = request.Headers["X-WH-Nonce"];
        Assert.Equal((Start - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerSecond, long.Parse(timestamp, CultureInfo.InvariantCulture));
        Assert.Matches("^[0-9a-f]{32}$", nonce);
        // The worked example: HMAC-SHA256 keyed with the secret's UTF-8 bytes over "timestamp\nnonce\n" and then the raw body, in lower-case hex.
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(Gateways.Secret));
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp));
        hmac.AppendData([0x0A]);
        hmac.AppendData(Encoding.ASCII.GetBytes(nonce));
        hmac.AppendData([0x0A]);
        hmac.AppendData(request.Body);
        var expected = string.Concat(hmac.GetHashAndReset().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        Assert.Equal(expected, request.Headers["X-WH-Signature"]);
        Assert.False(request.Headers.ContainsKey("X-Api-Key"));
    }

    [Fact]
    public async Task Send_CarriesCalleeCallerIdSpokenTextAndCallId()
    {
        await using var server = await ScriptedGateway.StartAsync();
        using var gateway = new VoiceGateway("test", Gateways.Options(server.Url, o => (o.PlaybackRepeats, o.MaxCallDuration) = (3, TimeSpan.FromSeconds(45))));

        await gateway.SendAsync(Call(to: "+8613800138000"), default);

        var body = JsonDocument.Parse(Assert.Single(server.Requests).Body).RootElement;
        Assert.Equal("ack:7:42:voice:1", body.GetProperty("callId").GetString());
        Assert.Equal("8613800138000", body.GetProperty("callee").GetString());
        Assert.Equal("085112345", body.GetProperty("callerId").GetString());
        Assert.Equal("县气象台发布暴雨红色预警。确认收到请按1。", body.GetProperty("text").GetString());
        Assert.Equal(3, body.GetProperty("repeats").GetInt32());
        Assert.Equal(45, body.GetProperty("maxDurationSeconds").GetInt32());
        Assert.Equal("http://127.0.0.1:9/api/v1/callbacks/voice/test", body.GetProperty("callbackUrl").GetString());
    }

    [Fact]
    public async Task HeaderKeyAuth_SendsTheKeyInItsHeader_AndNoSignature()
    {
        await using var server = await ScriptedGateway.StartAsync();
        using var gateway = new VoiceGateway("test", Gateways.Options(server.Url, o => (o.Auth, o.ApiKey, o.ApiKeyHeader) = (VoiceAuth.HeaderKey, "k-123", "X-Voice-Key")));

        await gateway.SendAsync(Call(), default);

        var request = Assert.Single(server.Requests);
        Assert.Equal("k-123", request.Headers["X-Voice-Key"]);
        Assert.False(request.Headers.ContainsKey("X-WH-Signature"));
    }

    [Fact]
    public async Task Send_BeyondTheRate_WaitsForItsSlotOnTheClock()
    {
        await using var server = await ScriptedGateway.StartAsync();
        var time = new FakeTimeProvider(Start);
        using var gateway = new VoiceGateway("test", Gateways.Options(server.Url, o => o.RateLimitPerSecond = 2), time);

        var first = await gateway.SendAsync(Call(callId: "c1"), default);
        var second = gateway.SendAsync(Call(callId: "c2"), default).AsTask();
        var third = gateway.SendAsync(Call(callId: "c3"), default).AsTask();

        // The clock has not moved: the second request of this second waits half a second, the second a whole one.
        Assert.Equal(SendOutcome.Accepted, first.Outcome);
        Assert.False(second.IsCompleted);
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(SendOutcome.Accepted, (await second).Outcome);
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(SendOutcome.Accepted, (await third).Outcome);
        Assert.Equal(["c1", "c2", "c3"], server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("callId").GetString()));
    }

    [Theory]
    [InlineData(429, "7", SendOutcome.TemporaryFailure)]
    [InlineData(503, null, SendOutcome.TemporaryFailure)]
    [InlineData(401, null, SendOutcome.TemporaryFailure)]
    [InlineData(400, null, SendOutcome.PermanentFailure)]
    public async Task GatewayAnswers_AreSortedIntoTemporaryAndPermanent(int status, string? retryAfter, SendOutcome expected)
    {
        await using var server = await ScriptedGateway.StartAsync();
        server.Answers.Enqueue((status, retryAfter));
        using var gateway = new VoiceGateway("test", Gateways.Options(server.Url));

        var result = await gateway.SendAsync(Call(), default);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(status.ToString(CultureInfo.InvariantCulture), result.ErrorCode);
        Assert.Equal(retryAfter is null ? null : TimeSpan.FromSeconds(7), result.RetryAfter);
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("1380")]
    public async Task AnAddressThatIsNoPhoneNumber_FailsForGood_WithoutARequest(string address)
    {
        await using var server = await ScriptedGateway.StartAsync();
        using var gateway = new VoiceGateway("test", Gateways.Options(server.Url));

        var result = await gateway.SendAsync(Call(to: address), default);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AGatewayNobodyListensOn_IsATemporaryFailure()
    {
        var port = LoopbackPort.Free();
        using var gateway = new VoiceGateway("test", Gateways.Options(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/call")));

        var result = await gateway.SendAsync(Call(), default);

        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
    }

    [Fact]
    public void Definition_ServesTheVoiceChannel_UnderItsName()
    {
        using var gateway = new VoiceGateway("unicom", Gateways.Options(new Uri("http://127.0.0.1:9/")));

        Assert.Equal("voice:unicom", gateway.Definition.Name);
        Assert.Equal("voice", gateway.Definition.Channel);
        Assert.Contains(nameof(VoiceGatewayOptions.RateLimitPerSecond), gateway.Definition.Settings.Keys);
    }
}
