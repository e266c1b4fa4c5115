using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;

namespace WarningHub.Engine.Receipts;

/// <summary>
/// Moves receipts from every adapter into the ledger in batches. A receipt can overtake the write of its send's
/// outcome, and even the answer to the send (SMSCs do that). When the answer is known here but the outcome is not
/// written yet (<see cref="UnrecordedSends"/>), the receipt is attached to the outcome and written with it, or, while
/// that write is under way, waits in memory for it and then settles its slot the ordinary way; otherwise the ledger
/// keeps it durably and applies it when the send's outcome is recorded. A receipt waiting here is no more at risk than
/// one still in the adapter's queue.
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

    /// <summary>
    /// How long a receipt whose send is not known here waits to become known before it goes the early way: an SMSC's
    /// receipt often comes in the same read as the answer to its send, a moment before the sender hears the answer.
    /// </summary>
    internal TimeSpan UnknownGrace { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often receipts not known yet are offered again.</summary>
    private static readonly TimeSpan OfferAgainEvery = TimeSpan.FromMilliseconds(10);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sources.Select(s => PumpAsync(s, stoppingToken)));

    /// <summary>
    /// Sorts receipts as they arrive (attached to their unwritten outcome, held for an outcome being written, or
    /// batched for the ledger) while the previous batch is being applied: a pump that waited for each batch's write
    /// before reading on found most outcomes already in their write, and their receipts cost three writes more each.
    /// </summary>
    private async Task PumpAsync(IReceiptSource source, CancellationToken stoppingToken)
    {
        var name = source.Definition.Name;
        var reader = source.Receipts;
        var batch = new List<Receipt>(BatchSize);
        var held = new List<Receipt>();
        var unknown = new List<(Receipt Receipt, long At)>();
        var applying = Task.CompletedTask;
        try
        {
            while (true)
            {
                // Taken before looking at what is held, so a write that ends in between still wakes the pump.
                var recorded = unrecorded?.NextRecordedAsync();
                if (unknown.Count > 0) OfferAgain(name, unknown, batch, held);
                while (batch.Count < BatchSize && reader.TryRead(out var receipt)) Sort(name, receipt, batch, held, unknown);
                if (applying.IsCompleted)
                {
                    await applying; // a failed batch ends the pump, as before
                    if (held.Count > 0) MoveRecorded(name, held, batch);
                    if (batch.Count > 0)
                    {
                        applying = ApplyAsync(name, batch);
                        batch = new List<Receipt>(BatchSize);
                        continue;
                    }
                }

                var waits = new List<Task>(3);
                var more = batch.Count < BatchSize ? reader.WaitToReadAsync(stoppingToken).AsTask() : null;
                if (more is not null) waits.Add(more);
                if (!applying.IsCompleted) waits.Add(applying);
                if (held.Count > 0 && recorded is not null) waits.Add(recorded);
                if (unknown.Count > 0) waits.Add(Task.Delay(OfferAgainEvery, TimeProvider.System, stoppingToken)); // thread hops, not warning time
                await Task.WhenAny(waits).WaitAsync(stoppingToken);
                if (more is { IsFaulted: true } or { IsCompletedSuccessfully: true, Result: false })
                {
                    // The adapter is gone: nothing more comes, so what is held goes the early way.
                    await applying;
                    batch.AddRange(held);
                    batch.AddRange(unknown.Select(u => u.Receipt));
                    held.Clear();
                    if (batch.Count > 0) await ApplyAsync(name, batch);
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping: receipts still in the adapter's channel are re-sent by SMSCs on the next bind. Those taken
            // here are written (held ones as early receipts), so that the outcomes written during the stop settle them.
            try
            {
                await applying;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogHeldLost(ex, 0, name);
            }
            batch.AddRange(held);
            batch.AddRange(unknown.Select(u => u.Receipt));
            if (batch.Count > 0) await ApplyHeldOnStopAsync(name, batch);
        }
    }

    private void Sort(string name, Receipt receipt, List<Receipt> batch, List<Receipt> held, List<(Receipt Receipt, long At)>? unknown)
    {
        switch (unrecorded?.TryAttach(name, receipt) ?? UnrecordedSends.Attach.Unknown)
        {
            case UnrecordedSends.Attach.Attached:
                break; // written with its send's outcome
            case UnrecordedSends.Attach.Hold when held.Count < MaxHeld:
                held.Add(receipt);
                break;
            case UnrecordedSends.Attach.Unknown when unrecorded is not null && unknown is not null && unknown.Count < MaxHeld:
                unknown.Add((receipt, Stopwatch.GetTimestamp()));
                break;
            default:
                batch.Add(receipt);
                break;
        }
    }

    /// <summary>Receipts not known a moment ago are offered again; those past the grace go the early way.</summary>
    private void OfferAgain(string name, List<(Receipt Receipt, long At)> unknown, List<Receipt> batch, List<Receipt> held)
    {
        var now = Stopwatch.GetTimestamp();
        unknown.RemoveAll(u =>
        {
            if (unrecorded!.IsUnrecorded(name, u.Receipt.ProviderMessageId))
            {
                Sort(name, u.Receipt, batch, held, null);
                return true;
            }
            if (Stopwatch.GetElapsedTime(u.At, now) < UnknownGrace) return false;
            batch.Add(u.Receipt);
            return true;
        });
    }

    /// <summary>Held receipts whose outcomes are written now join the batch.</summary>
    private void MoveRecorded(string name, List<Receipt> held, List<Receipt> batch) =>
        held.RemoveAll(r =>
        {
            if (batch.Count >= BatchSize || unrecorded!.IsUnrecorded(name, r.ProviderMessageId)) return false;
            batch.Add(r);
            return true;
        });

    private async Task ApplyAsync(string name, List<Receipt> batch)
    {
        var early = await ledger.ApplyReceiptsAsync(name, batch, CancellationToken.None);
        if (early.Count > 0) LogEarly(early.Count, name);
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
