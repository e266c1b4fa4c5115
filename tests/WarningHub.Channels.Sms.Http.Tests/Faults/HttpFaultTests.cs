using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Http.Tests.Support;
using WarningHub.Simulators.CloudSms;

namespace WarningHub.Channels.Sms.Http.Tests.Faults;

/// <summary>
/// Issue 12 item 7 for HTTP: a request that may have reached the gateway is Unknown (possibly duplicated), one that
/// never connected is Unavailable and spends no attempt, and RateLimitPerSecond is never exceeded.
/// </summary>
public sealed class HttpFaultTests
{
    [Theory]
    [InlineData(CloudSmsFault.Timeout)]
    [InlineData(CloudSmsFault.SlowBody)]
    [InlineData(CloudSmsFault.Reset)]
    [InlineData(CloudSmsFault.ServerError)]
    public async Task Send_WhenTheRequestMayHaveReachedTheGateway_IsUnknown(CloudSmsFault fault)
    {
        await using var harness = await CloudHarness.StartAsync(p => p.Fault = fault, g => g.MaxBatch = 1);

        var result = await harness.Gateway.SendAsync(new TextMessage(1, "13800138000", "【预警】山洪"), CancellationToken.None);

        Assert.Equal(SendOutcome.Unknown, result.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        Assert.Equal(1, harness.Platform.SendRequests);
        Assert.True(harness.Gateway.Health.IsUp, "a gateway that answers slowly or badly is still reachable");
    }

    [Fact]
    public async Task Send_WhenTheConnectionIsRefused_IsUnavailable_AndNothingIsSent()
    {
        var port = LoopbackPort.Free();
        var options = CloudHarness.CloudOptions(new CloudSmsSimulator());
        options.Url = $"http://127.0.0.1:{port}/";
        options.HealthCheckInterval = TimeSpan.FromHours(1);
        await using var gateway = new HttpSmsGateway("dead", options);
        await gateway.StartAsync(CancellationToken.None);

        var result = await gateway.SendAsync(new TextMessage(1, "13800138000", "【预警】山洪"), CancellationToken.None);

        Assert.Equal(SendOutcome.GatewayUnavailable, result.Outcome);
        Assert.False(gateway.Health.IsUp);
        Assert.Equal(0, gateway.Requests);
    }

    [Fact]
    public async Task Send_ToAGatewayDeadForAWhile_IsUnavailableWhileDown_AndAcceptedOnceTheProbeSeesItBack()
    {
        await using var first = await CloudHarness.StartAsync(gateway: g => g.MaxBatch = 1);
        var port = first.Platform.Port;
        await first.Platform.DisposeAsync();
        Assert.True(await Eventually.TrueAsync(() => !first.Gateway.Health.IsUp, TimeSpan.FromSeconds(10)), "the probe never saw the gateway go");

        var whileDown = await first.Gateway.SendAsync(new TextMessage(1, "13800138000", "【预警】山洪"), CancellationToken.None);
        await using var back = new CloudSmsSimulator();
        await back.StartAsync(port);
        Assert.True(await Eventually.TrueAsync(() => first.Gateway.Health.IsUp, TimeSpan.FromSeconds(10)), "the probe never saw the gateway come back");
        var afterwards = await first.Gateway.SendAsync(new TextMessage(2, "13800138000", "【预警】山洪"), CancellationToken.None);

        Assert.Equal(SendOutcome.GatewayUnavailable, whileDown.Outcome);
        Assert.Equal(SendOutcome.Accepted, afterwards.Outcome);
        Assert.Single(back.Accepted);
    }

    [Fact]
    public async Task Send_ManyAtOnce_NeverExceedsRateLimitPerSecond()
    {
        // One fake clock for the adapter's limiter and the platform's own limit: the platform answers 429 to a sixth request in a second.
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var harness = await CloudHarness.StartAsync(p => p.RateLimitPerSecond = 5, g =>
        {
            g.RateLimitPerSecond = 5;
            g.MaxBatch = 1;
            g.Concurrency = 16;
            g.HealthCheckInterval = TimeSpan.FromHours(1);
            g.PollInterval = TimeSpan.FromHours(1);
        }, time);

        var sends = Enumerable.Range(0, 12).Select(i => harness.Gateway.SendAsync(new TextMessage(i, $"138{i:D8}", "【预警】山洪"), CancellationToken.None).AsTask()).ToList();

        // Paced: one request per (1 s + guard) / 5, never a second's five at once. Each 240 ms step lets exactly one more go.
        Assert.True(await Eventually.TrueAsync(() => harness.Platform.SendRequests >= 1, TimeSpan.FromSeconds(10)));
        for (var step = 1; step < 12; step++)
        {
            Assert.Equal(step, harness.Platform.SendRequests);
            time.Advance(TimeSpan.FromMilliseconds(240));
            Assert.True(await Eventually.TrueAsync(() => harness.Platform.SendRequests >= step + 1, TimeSpan.FromSeconds(10)), $"step {step}: {harness.Platform.SendRequests} requests");
        }

        var results = await Task.WhenAll(sends);
        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
    }
}
