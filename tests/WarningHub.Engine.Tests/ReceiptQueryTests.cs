using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;
using WarningHub.Engine.Receipts;

namespace WarningHub.Engine.Tests;

/// <summary>Receipts lost with a dropped link are asked for before the receipt window closes (issue "Faults", item 5).</summary>
public sealed class ReceiptQueryTests
{
    [Fact]
    public async Task Sweep_AsksTheGatewayOnceForEachOverdueReceipt_AndSettlesWhatItAnswers()
    {
        var gateway = new AskableSender();
        await using var h = new EngineHarness(gateway);
        var (warning, shards) = await h.ReleasedWarningAsync(1000);
        await h.Job.RunAsync(shards[0].Id, default);
        var options = Options.Create(new EngineOptions { ReceiptQueryAfter = TimeSpan.FromMinutes(2), ReceiptWindow = TimeSpan.FromMinutes(30), ReceiptQueriesPerSweep = 5000 });
        var job = new ReceiptWindowJob(h.Ledger, h.Ledger, [gateway], new AskedReceipts(), options, h.Time, NullLogger<ReceiptWindowJob>.Instance);

        await job.Execute(null!, default);
        Assert.Equal(0, gateway.Asked); // nothing is overdue yet

        h.Time.Advance(TimeSpan.FromMinutes(3));
        await job.Execute(null!, default);
        await job.Execute(null!, default);

        Assert.Equal(1000, gateway.Asked); // each once, whatever the number of sweeps
        var counts = await h.CountsAsync(warning.Id);
        Assert.Equal(500, counts[DeliveryStatus.Delivered]);
        Assert.Equal(500, counts[DeliveryStatus.Sent]); // not final at the gateway: still waiting, not closed early
    }

    /// <summary>Accepts everything and, asked later, knows the even references as delivered and the odd ones as still en route.</summary>
    private sealed class AskableSender : ITextSender, IReceiptQuery
    {
        private readonly ConcurrentDictionary<string, long> _ids = new();
        private int _asked;

        public ChannelDefinition Definition { get; } = new("fake:sms", "sms", 1000, SupportsReceipts: true, MaxInFlight: 8);

        public int Asked => Volatile.Read(ref _asked);

        public ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken)
        {
            var id = "q" + message.Reference;
            _ids[id] = message.Reference;
            return ValueTask.FromResult(DeliveryResult.Accepted([id]));
        }

        public ValueTask<Receipt?> QueryAsync(string providerMessageId, string address, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _asked);
            return ValueTask.FromResult(_ids[providerMessageId] % 2 == 0
                ? new Receipt(providerMessageId, DeliveryStatus.Delivered, "DELIVRD", DateTimeOffset.UnixEpoch)
                : null);
        }
    }
}
