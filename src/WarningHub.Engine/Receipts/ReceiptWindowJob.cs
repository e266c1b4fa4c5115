using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;

namespace WarningHub.Engine.Receipts;

/// <summary>
/// Periodically settles receipt waits. Receipts overdue by <see cref="EngineOptions.ReceiptQueryAfter"/> are asked
/// for, once each, from gateways that can be asked (a receipt lost with a dropped link); sent slots without a receipt
/// after their channel's receipt window (<see cref="EngineOptions.ReceiptWindowOf"/>) become Unconfirmed; kept receipts that no send claimed within
/// <see cref="EngineOptions.UnmatchedReceiptTtl"/> are dropped.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReceiptWindowJob(
    ILedger ledger,
    ILedgerMaintenance maintenance,
    IEnumerable<IReceiptQuery> gateways,
    AskedReceipts asked,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<ReceiptWindowJob> logger) : IJob
{
    /// <summary>Receipt queries of one gateway in flight at once.</summary>
    private const int QueriesInFlight = 16;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        foreach (var gateway in gateways) await AskAsync(gateway, now - o.ReceiptWindowOf(gateway.Definition.Channel), now - o.ReceiptQueryAfter, cancellationToken);
        var byChannel = o.ReceiptWindows.ToDictionary(w => w.Key, w => now - w.Value, StringComparer.Ordinal);
        await maintenance.CloseReceiptWaitsAsync(now - o.ReceiptWindow, byChannel, cancellationToken);
        var dropped = await maintenance.DropEarlyReceiptsAsync(now - o.UnmatchedReceiptTtl, cancellationToken);
        if (dropped > 0) logger.LogWarning("{Count} receipts for unknown messages dropped after {Ttl}", dropped, o.UnmatchedReceiptTtl);
    }

    private async Task AskAsync(IReceiptQuery gateway, DateTimeOffset sentAfter, DateTimeOffset sentBefore, CancellationToken cancellationToken)
    {
        var source = gateway.Definition.Name;
        var awaited = await maintenance.AwaitedReceiptsAsync(source, sentAfter, sentBefore, options.Value.ReceiptQueriesPerSweep * 4, cancellationToken);
        var toAsk = awaited.Where(m => asked.TryAsk(source, m.MessageId)).Take(options.Value.ReceiptQueriesPerSweep).ToList();
        // Asked side by side, as submits are: one at a time, a round trip of 10-50 ms on a busy SMSC let a sweep ask
        // 20-100 a second, and under a fan-out of 1,500 parts a second the 20,000-person battery saw 1,473 of 2,647
        // withheld receipts reach the end of their window unasked.
        var found = new ConcurrentBag<Receipt>();
        await Parallel.ForEachAsync(toAsk, new ParallelOptions { MaxDegreeOfParallelism = QueriesInFlight, CancellationToken = cancellationToken },
            async (message, ct) =>
            {
                if (await gateway.QueryAsync(message.MessageId, message.Address, ct) is { } receipt) found.Add(receipt);
            });
        if (!found.IsEmpty)
        {
            await ledger.ApplyReceiptsAsync(source, [.. found], cancellationToken);
            logger.LogInformation("{Count} overdue receipts of {Gateway} recovered by asking the gateway", found.Count, source);
        }
    }
}

/// <summary>Message ids already asked about, so each is asked once per process.</summary>
public sealed class AskedReceipts
{
    private const int Limit = 1_000_000;

    private readonly ConcurrentDictionary<(string, string), byte> _asked = new();

    public bool TryAsk(string source, string messageId)
    {
        if (_asked.Count >= Limit) _asked.Clear();
        return _asked.TryAdd((source, messageId), 0);
    }
}
