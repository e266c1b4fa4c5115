using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using WarningHub.Channels.Voice.Tests.Support;

namespace WarningHub.Channels.Voice.Tests.Callbacks;

public sealed class VoiceCallbackTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 8, 30, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"callId":"ack:7:42:voice:1","outcome":"answered","keypress":"1","endedAt":"2026-07-01T08:29:50Z"}""");

    private static (VoiceCallback Callback, FakeTimeProvider Time) Create()
    {
        var time = new FakeTimeProvider(Now);
        return (new VoiceCallback(Gateways.Options(new Uri("http://127.0.0.1:9/")), time), time);
    }

    private static string Stamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Signs as a gateway would, with the primitive directly (not the adapter's code).</summary>
    private static string Sign(string timestamp, string nonce, byte[] body, string secret = Gateways.Secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n"), .. body]));

    [Fact]
    public void AnAuthenticResult_IsRead()
    {
        var (callback, _) = Create();

        var check = callback.Check(Stamp(Now), "n1", Sign(Stamp(Now), "n1", Body), Body);

        Assert.Equal(200, check.StatusCode);
        Assert.Null(check.Refusal);
        Assert.Equal("ack:7:42:voice:1", check.Report!.CallId);
        Assert.Equal(VoiceCallOutcome.Answered, check.Report.Outcome);
        Assert.True(check.Report.Confirmed);
    }

    [Fact]
    public void ABadSignature_IsRefused_AndDoesNotUseUpTheNonce()
    {
        var (callback, _) = Create();

        var forged = callback.Check(Stamp(Now), "n1", Sign(Stamp(Now), "n1", Body, secret: "another-secret-of-16"), Body);
        var altered = callback.Check(Stamp(Now), "n1", Sign(Stamp(Now), "n1", Body), [.. Body, (byte)' ']);
        var genuine = callback.Check(Stamp(Now), "n1", Sign(Stamp(Now), "n1", Body), Body);

        Assert.Equal(401, forged.StatusCode);
        Assert.Null(forged.Report);
        Assert.Equal(401, altered.StatusCode);
        Assert.Equal(200, genuine.StatusCode);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void ATimestampMoreThanFiveMinutesAway_IsRefused(int seconds)
    {
        var (callback, _) = Create();
        var at = Stamp(Now.AddSeconds(seconds));

        var check = callback.Check(at, "n1", Sign(at, "n1", Body), Body);

        Assert.Equal(401, check.StatusCode);
        Assert.Contains("5 minutes", check.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void ATimestampWithinFiveMinutes_IsAccepted()
    {
        var (callback, time) = Create();
        var at = Stamp(Now);
        time.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal(200, callback.Check(at, "n1", Sign(at, "n1", Body), Body).StatusCode);
    }

    [Fact]
    public void AReplayedNonce_IsRefused()
    {
        var (callback, time) = Create();
        var signature = Sign(Stamp(Now), "n1", Body);

        var first = callback.Check(Stamp(Now), "n1", signature, Body);
        time.Advance(TimeSpan.FromMinutes(1));
        var replay = callback.Check(Stamp(Now), "n1", signature, Body);

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(401, replay.StatusCode);
        Assert.Contains("nonce", replay.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingHeaders_AreRefused()
    {
        var (callback, _) = Create();

        Assert.Equal(401, callback.Check(null, "n1", Sign(Stamp(Now), "n1", Body), Body).StatusCode);
        Assert.Equal(401, callback.Check(Stamp(Now), "", Sign(Stamp(Now), "", Body), Body).StatusCode);
        Assert.Equal(401, callback.Check(Stamp(Now), "n1", null, Body).StatusCode);
    }

    [Theory]
    [InlineData("""{"callId":"c","outcome":"exploded","endedAt":"2026-07-01T08:29:50Z"}""")]
    [InlineData("""{"outcome":"busy","endedAt":"2026-07-01T08:29:50Z"}""")]
    [InlineData("not json")]
    public void AnAuthenticBodyThatIsNoReport_IsABadRequest(string text)
    {
        var (callback, _) = Create();
        var body = Encoding.UTF8.GetBytes(text);

        var check = callback.Check(Stamp(Now), "n1", Sign(Stamp(Now), "n1", body), body);

        Assert.Equal(400, check.StatusCode);
        Assert.Null(check.Report);
    }

    [Theory]
    [InlineData(VoiceCallOutcome.Answered, "1", true)]
    [InlineData(VoiceCallOutcome.Answered, "2", false)]
    [InlineData(VoiceCallOutcome.Answered, null, false)]
    [InlineData(VoiceCallOutcome.Busy, "1", false)]
    public void OnlyAnsweredWithOnePressed_Confirms(VoiceCallOutcome outcome, string? keys, bool confirmed) =>
        Assert.Equal(confirmed, new VoiceCallReport("c", outcome, keys, Now).Confirmed);
}
