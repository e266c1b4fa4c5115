using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Tests.Support;

namespace WarningHub.Channels.Sms.Smpp.Tests.Simulator;

public class SmscSimulatorTests
{
    [Fact]
    public async Task ReceiptFailures_WithTheSameSeed_FallOnTheSameMessages()
    {
        var first = await FailurePatternAsync(seed: 42);
        var second = await FailurePatternAsync(seed: 42);
        var other = await FailurePatternAsync(seed: 7);

        Assert.Equal(first, second);
        Assert.Contains(DeliveryStatus.Failed, first);
        Assert.Contains(DeliveryStatus.Delivered, first);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Counters_CountSubmitsThrottlesAndReceipts()
    {
        await using var harness = await SmscHarness.StartAsync(s => s.RateLimitPerSecond = 2);

        await harness.SendAsync("one");
        await harness.SendAsync("two");
        await harness.Gateway.SendAsync(new TextMessage(3, "13800138000", "three", RequestReceipt: false), CancellationToken.None);
        await harness.ReceiptsAsync(2);

        Assert.Equal(3, harness.Smsc.PartsAccepted);
        Assert.True(harness.Smsc.Throttled >= 1, "the third submit within a second should have been throttled");
        Assert.Equal(harness.Smsc.PartsAccepted + harness.Smsc.Throttled, harness.Smsc.Submits);
        Assert.Equal(2, harness.Smsc.ReceiptsSent);
        Assert.Equal(1, harness.Smsc.Binds);
    }

    private static async Task<List<DeliveryStatus>> FailurePatternAsync(int seed)
    {
        await using var harness = await SmscHarness.StartAsync(s => (s.Seed, s.ReceiptFailureRate) = (seed, 0.4));
        var pattern = new List<DeliveryStatus>();
        for (var i = 0; i < 24; i++)
        {
            var result = await harness.SendAsync("seeded " + i, reference: i);
            var receipt = Assert.Single(await harness.ReceiptsAsync(1));
            Assert.Equal(result.ProviderMessageIds[0], receipt.ProviderMessageId);
            pattern.Add(receipt.Status);
        }

        return pattern;
    }
}
