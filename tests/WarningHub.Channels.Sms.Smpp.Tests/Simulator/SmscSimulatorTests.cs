using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Tests.Support;
using WarningHub.Simulators.Smsc;

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

    [Fact]
    public async Task ReceiptOutcomeOf_AConcatenatedMessage_IsDeliveredOnlyWhenEveryPartsReceiptSaidSo()
    {
        await using var harness = await SmscHarness.StartAsync(s => (s.RecordMessages, s.Seed, s.ReceiptFailureRate) = (true, 3, 0.3));
        var texts = Enumerable.Range(0, 12).Select(i => $"{i:D2}" + new string('雨', 130)).ToList();
        var results = new List<DeliveryResult>();
        foreach (var (text, i) in texts.Select((t, i) => (t, i)))
        {
            results.Add(await harness.SendAsync(text, address: $"138001380{i:D2}", reference: i));
        }

        var receipts = (await harness.ReceiptsAsync(results.Sum(r => r.ProviderMessageIds.Count))).ToDictionary(r => r.ProviderMessageId, r => r.Status);
        var messages = harness.Smsc.ReceivedMessages;
        await using var another = new SmscSimulator();
        var withoutReceipt = another.ReceiptOutcomeOf(messages[0]);

        Assert.Equal(12, messages.Count);
        Assert.All(messages, m => Assert.Equal(2, m.MessageIds.Count));
        foreach (var message in messages)
        {
            var expected = message.MessageIds.All(id => receipts[id] == DeliveryStatus.Delivered);
            Assert.Equal(expected, harness.Smsc.ReceiptOutcomeOf(message));
        }

        Assert.Contains(messages, m => harness.Smsc.ReceiptOutcomeOf(m) == false);
        Assert.Contains(messages, m => harness.Smsc.ReceiptOutcomeOf(m) == true);
        Assert.Null(withoutReceipt);
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
