using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;

namespace WarningHub.Engine.Receipts;

/// <summary>
/// Moves receipts from every adapter into the ledger in batches. A receipt can overtake the answer to its own send
/// (SMSCs do that). When the send's answer is known here but its outcome is not written yet
/// (<see cref="UnrecordedSends"/>), the receipt waits in memory for that write, a fraction of a second, and then
/// settles its slot the ordinary way; otherwise the ledger keeps it durably and applies it when the send's outcome is
/// recorded. A receipt waiting here is no more at risk than one still in the adapter's queue.
/// </summary>
public sealed partial class ReceiptPump(
    IEnumerable<IReceiptSource> sources,
    ILedger ledger,
    ILogger<ReceiptPump> logger,
    UnrecordedSends? unrecorded = null) : BackgroundService
{
    private const int BatchSize = 2000;

    /// <summary>Receipts held for unwritten outcomes, at most; beyond it they go the early way at once.</summary>
    private const int MaxHeld = 50_000;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sources.Select(s => PumpAsync(s, stoppingToken)));

    private async Task PumpAsync(IReceiptSource source, CancellationToken stoppingToken)
    {
        var name = source.Definition.Name;
        var reader = source.Receipts;
        var batch = new List<Receipt>(BatchSize);
        var held = new List<Receipt>();
        try
        {
            while (true)
            {
                if (held.Count == 0)
                {
                    if (!await reader.WaitToReadAsync(stoppingToken)) break;
                }
                else
                {
                    if (reader.Completion.IsCompleted)
                    {
                        // The adapter is gone: nothing more comes, so what is held goes the early way.
                        await ledger.ApplyReceiptsAsync(name, held, CancellationToken.None);
                        break;
                    }
                    // Taken before looking, so a write that ends in between still wakes the pump.
                    var recorded = unrecorded!.NextRecordedAsync();
                    if (held.TrueForAll(r => unrecorded.IsUnrecorded(name, r.ProviderMessageId)))
                    {
                        await Task.WhenAny(reader.WaitToReadAsync(stoppingToken).AsTask(), recorded).WaitAsync(stoppingToken);
                    }
                }

                batch.Clear();
                if (held.Count > 0)
                {
                    held.RemoveAll(r =>
                    {
                        if (batch.Count >= BatchSize || unrecorded!.IsUnrecorded(name, r.ProviderMessageId)) return false;
                        batch.Add(r);
                        return true;
                    });
                }
                while (batch.Count < BatchSize && reader.TryRead(out var receipt))
                {
                    if (unrecorded is not null && held.Count < MaxHeld && unrecorded.IsUnrecorded(name, receipt.ProviderMessageId)) held.Add(receipt);
                    else batch.Add(receipt);
                }
                if (batch.Count == 0) continue;
                var early = await ledger.ApplyReceiptsAsync(name, batch, CancellationToken.None);
                if (early.Count > 0) LogEarly(early.Count, name);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping: receipts still in the adapter's channel are re-sent by SMSCs on the next bind. Those held
            // here are written as early receipts, so that the outcomes written during the stop settle them.
            if (held.Count > 0) await ApplyHeldOnStopAsync(name, held);
        }
    }

    private async Task ApplyHeldOnStopAsync(string name, List<Receipt> held)
    {
        try
        {
            await ledger.ApplyReceiptsAsync(name, held, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogHeldLost(ex, held.Count, name);
        }
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Debug, Message = "{Count} receipts from {Source} came before their sends' outcomes; kept until those are recorded")]
    private partial void LogEarly(int count, string source);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "{Count} receipts from {Source} held for their sends' outcomes could not be written at stop")]
    private partial void LogHeldLost(Exception ex, int count, string source);
}
