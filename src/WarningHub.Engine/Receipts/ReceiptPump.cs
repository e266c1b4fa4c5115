using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;

namespace WarningHub.Engine.Receipts;

/// <summary>
/// Moves receipts from every adapter into the ledger in batches. A receipt can overtake the answer to its own send
/// (SMSCs do that): the ledger keeps it durably and applies it when the send's outcome is recorded, so nothing is
/// parked here, and a restart loses no receipt the SMSC was already answered for.
/// </summary>
public sealed class ReceiptPump(
    IEnumerable<IReceiptSource> sources,
    ILedger ledger,
    ILogger<ReceiptPump> logger) : BackgroundService
{
    private const int BatchSize = 2000;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sources.Select(s => PumpAsync(s, stoppingToken)));

    private async Task PumpAsync(IReceiptSource source, CancellationToken stoppingToken)
    {
        var name = source.Definition.Name;
        var reader = source.Receipts;
        var batch = new List<Receipt>(BatchSize);
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < BatchSize && reader.TryRead(out var r)) batch.Add(r);
                if (batch.Count == 0) continue;
                var early = await ledger.ApplyReceiptsAsync(name, batch, CancellationToken.None);
                if (early.Count > 0) logger.LogDebug("{Count} receipts from {Source} came before their sends' outcomes; kept until those are recorded", early.Count, name);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping: receipts still in the adapter's channel are re-sent by SMSCs on the next bind.
        }
    }
}
