using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Tests.Support;

namespace WarningHub.Channels.WeChat.Tests.Callbacks;

/// <summary>
/// A captured callback URL is worth nothing later (issue 11: one captured URL posted any made-up receipt forever, and
/// timestamps of the years 2000 and 2100 were accepted).
/// </summary>
public sealed class WeChatReplayTests : IDisposable
{
    private const string Token = "simtoken2024";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1714370000);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly WeChatOfficialAccount _account;

    public WeChatReplayTests() => _account = new WeChatOfficialAccount("county", Accounts.Options(new Uri("http://127.0.0.1:9/"), Token), time: _time);

    public void Dispose() => _account.Dispose();

    [Theory]
    [InlineData(-299, 200)]
    [InlineData(299, 200)]
    [InlineData(-301, 403)]
    [InlineData(301, 403)]
    [InlineData(-769_000_000, 403)] // the year 2000
    [InlineData(2_400_000_000, 403)] // the year 2100
    public async Task ACallsTimestamp_MustBeWithinFiveMinutesOfTheHubsClock(long offsetSeconds, int expected)
    {
        var response = await PostAsync(Now.ToUnixTimeSeconds() + offsetSeconds, "42", "200163836");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == 200, _account.Receipts.TryRead(out _));
    }

    [Fact]
    public async Task AReplayedCall_WithAnotherBody_IsRefused_ThoughItsSignatureIsGenuine()
    {
        var first = await PostAsync(Now.ToUnixTimeSeconds(), "42", "200163836");
        _time.Advance(TimeSpan.FromMinutes(4));
        var replay = await PostAsync(Now.ToUnixTimeSeconds(), "42", "200163999");
        var otherNonce = await PostAsync(Now.ToUnixTimeSeconds(), "43", "200163837");

        Assert.Equal((200, 403, 200), (first.StatusCode, replay.StatusCode, otherNonce.StatusCode));
        Assert.Contains("already used", replay.Body, StringComparison.Ordinal);
        Assert.True(_account.Receipts.TryRead(out var a));
        Assert.True(_account.Receipts.TryRead(out var b));
        Assert.Equal(["200163836", "200163837"], new[] { a.ProviderMessageId, b.ProviderMessageId });
        Assert.False(_account.Receipts.TryRead(out _));
    }

    [Fact]
    public async Task AReplayedCall_AfterTheWindow_IsRefusedForItsTimestamp()
    {
        await PostAsync(Now.ToUnixTimeSeconds(), "42", "200163836");
        _time.Advance(TimeSpan.FromMinutes(6));

        var replay = await PostAsync(Now.ToUnixTimeSeconds(), "42", "200163836");

        Assert.Equal(403, replay.StatusCode);
        Assert.Contains("timestamp", replay.Body, StringComparison.Ordinal);
    }

    private ValueTask<WeChatCallbackResponse> PostAsync(long timestamp, string nonce, string msgId)
    {
        var t = timestamp.ToString(CultureInfo.InvariantCulture);
        var query = new Dictionary<string, string?> { ["signature"] = WeChatSignature.Compute(Token, t, nonce), ["timestamp"] = t, ["nonce"] = nonce };
        var body = "<xml><MsgType>event</MsgType><Event>TEMPLATESENDJOBFINISH</Event>"
            + $"<MsgID>{msgId}</MsgID><Status>success</Status><CreateTime>1395658920</CreateTime></xml>";
        return _account.Callback.HandleAsync("POST", query, new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);
    }
}
