using Microsoft.Extensions.Options;
using WarningHub.Engine;
using WarningHub.Engine.Sending;

namespace WarningHub.Engine.Tests;

public sealed class RetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 15, 0, 0, 0, TimeSpan.Zero);

    private static RetryPolicy Policy(double jitter, int maxAttempts = 6) => new(Options.Create(new EngineOptions
    {
        MaxAttempts = maxAttempts,
        RetryBaseDelay = TimeSpan.FromSeconds(4),
        RetryMaxDelay = TimeSpan.FromSeconds(60),
    }), () => jitter);

    [Theory]
    [InlineData(1, 2, 4)]
    [InlineData(2, 4, 8)]
    [InlineData(3, 8, 16)]
    [InlineData(5, 30, 60)] // capped at the maximum delay
    public void NextAttempt_BacksOffExponentially_WithinItsJitterBand(int attempts, int lowSeconds, int highSeconds)
    {
        var low = Policy(0).NextAttempt(attempts, Now, null);
        var high = Policy(1).NextAttempt(attempts, Now, null);

        Assert.Equal(Now.AddSeconds(lowSeconds), low);
        Assert.Equal(Now.AddSeconds(highSeconds), high);
    }

    [Fact]
    public void NextAttempt_GivesUpAfterTheLastAttempt() =>
        Assert.Null(Policy(0.5, maxAttempts: 3).NextAttempt(3, Now, null));

    [Fact]
    public void NextAttempt_NeverSchedulesAtOrAfterExpiry()
    {
        Assert.Null(Policy(1).NextAttempt(1, Now, expires: Now.AddSeconds(4)));
        Assert.NotNull(Policy(1).NextAttempt(1, Now, expires: Now.AddSeconds(5)));
    }

    [Fact]
    public void NextAttempt_HonoursTheGatewaysRetryAfterWhenLonger() =>
        Assert.Equal(Now.AddSeconds(45), Policy(0).NextAttempt(1, Now, null, retryAfter: TimeSpan.FromSeconds(45)));
}
