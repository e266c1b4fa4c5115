using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;

namespace WarningHub.Engine.Receipts;

/// <summary>
/// Moves receipts from every adapter into the ledger in batches. A receipt can overtake the answer to its own
/// send (SMSCs do that), so a receipt whose message id is unknown is parked and matched again until a TTL.
/// </summary>
public sealed class ReceiptPump(
    IEnumerable<IReceiptSource> sources,
    ILedger ledger,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<ReceiptPump> logger) : BackgroundService
{
    private const int BatchSize = 2000;
    private static readonly TimeSpan ParkedRetry = TimeSpan.FromMilliseconds(200);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sources.Select(s => PumpAsync(s, stoppingToken)));

    private async Task PumpAsync(IReceiptSource source, CancellationToken stoppingToken)
    {
        var name = source.Definition.Name;
        var reader = source.Receipts;
        var parked = new List<(Receipt Receipt, DateTimeOffset Since)>();
        var batch = new List<Receipt>(BatchSize);
        Task<bool>? waitForMore = null;
        var readerDone = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (readerDone)
                {
                    if (parked.Count == 0) break;
                    await Task.Delay(ParkedRetry, time, stoppingToken);
                }
                else
                {
                    // One outstanding wait at a time: a channel may allow a single reader only.
                    waitForMore ??= reader.WaitToReadAsync(stoppingToken).AsTask();
                    // With receipts parked, wake up to retry them even when no new ones arrive.
                    if (parked.Count > 0) await Task.WhenAny(waitForMore, Task.Delay(ParkedRetry, time, stoppingToken));
                    else await waitForMore;
                    if (waitForMore.IsCompleted)
                    {
                        readerDone = !await waitForMore;
                        waitForMore = null;
                    }
                }
                batch.Clear();
                while (batch.Count < BatchSize && reader.TryRead(out var r)) batch.Add(r);
                batch.AddRange(parked.Select(p => p.Receipt));
                var since = new Dictionary<Receipt, DateTimeOffset>(ReferenceEqualityComparer.Instance);
                foreach (var p in parked) since[p.Receipt] = p.Since;
                parked.Clear();
                if (batch.Count == 0) continue;
                var unmatched = await ledger.ApplyReceiptsAsync(name, batch, CancellationToken.None);
                var now = time.GetUtcNow();
                foreach (var u in unmatched)
                {
                    var first = since.TryGetValue(u, out var s) ? s : now;
                    if (now - first < options.Value.UnmatchedReceiptTtl) parked.Add((u, first));
                    else logger.LogWarning("Receipt for unknown message {MessageId} from {Source} dropped after {Ttl}", u.ProviderMessageId, name, options.Value.UnmatchedReceiptTtl);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping: receipts still in the adapter's channel are re-sent by SMSCs on the next bind.
        }
    }
}
