using WarningHub.Abstractions;
using WarningHub.Core.Ledger;
using WarningHub.Engine.Receipts;

namespace WarningHub.Engine.Sending;

/// <summary>
/// Writes send outcomes to the ledger as they come, in small transactions every <see cref="Interval"/>, instead of
/// once per claimed batch: a slow gateway's progress shows at once, receipts find their slots sooner, and a crash
/// leaves only the last fraction of a second of sends with an unknown outcome.
/// </summary>
internal sealed class OutcomeWriter : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly ILedger _ledger;
    private readonly UnrecordedSends? _unrecorded;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private List<SlotOutcome> _pending = [];

    /// <param name="unrecorded">Told which sends were answered and when their outcomes are written, so that their receipts wait for it.</param>
    public OutcomeWriter(ILedger ledger, TimeProvider time, UnrecordedSends? unrecorded = null)
    {
        _ledger = ledger;
        _unrecorded = unrecorded;
        _loop = LoopAsync(time);
    }

    /// <summary>True once some slot came back because its gateway could not take it.</summary>
    public bool GatewayUnavailable { get; private set; }

    /// <param name="gatewayUnavailable">The adapter answered that its gateway cannot take messages now.</param>
    public void Add(SlotOutcome outcome, bool gatewayUnavailable = false)
    {
        if (_unrecorded is not null && IsAnswered(outcome)) _unrecorded.Answered(outcome.Source!, outcome.MessageIds!);
        lock (_lock)
        {
            _pending.Add(outcome);
            GatewayUnavailable |= gatewayUnavailable;
        }
    }

    private async Task LoopAsync(TimeProvider time)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token)) await FlushAsync();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Completing: the final flush follows in DisposeAsync.
        }
    }

    private Task FlushAsync()
    {
        List<SlotOutcome> batch;
        lock (_lock)
        {
            if (_pending.Count == 0) return Task.CompletedTask;
            batch = _pending;
            _pending = [];
        }
        return _unrecorded is null ? _ledger.RecordOutcomesAsync(batch, CancellationToken.None) : RecordAsync(batch, _unrecorded);
    }

    private async Task RecordAsync(List<SlotOutcome> batch, UnrecordedSends unrecorded)
    {
        // Receipts that overtook these sends are attached to them as each is written, inside the transaction (as late
        // as can be): the slot is then recorded delivered by its outcome's own row update.
        var attached = new List<(string Source, IReadOnlyList<Receipt> Receipts)>();
        SlotOutcome AtWrite(SlotOutcome outcome)
        {
            if (!IsAnswered(outcome) || unrecorded.TakeForWrite(outcome.Source!, outcome.MessageIds!) is not { } receipts) return outcome;
            attached.Add((outcome.Source!, receipts));
            return outcome with { Receipts = receipts };
        }

        var written = false;
        try
        {
            await _ledger.RecordOutcomesAsync(batch, AtWrite, CancellationToken.None);
            written = true;
        }
        finally
        {
            // Attached receipts of a batch that was not written go to the ledger the early way, to settle the slots
            // whenever their outcomes are known.
            if (!written)
            {
                // Also those attached to outcomes the failed write never reached.
                foreach (var outcome in batch) AtWrite(outcome);
                if (attached.Count > 0) await KeepAsEarlyAsync(attached);
            }
            // Written or not, the receipts held for these sends go on now: if the write failed, the ledger keeps them
            // as early receipts until the slots' outcomes are known.
            foreach (var outcome in batch)
            {
                if (IsAnswered(outcome)) unrecorded.Recorded(outcome.Source!, outcome.MessageIds!);
            }
            unrecorded.Signal();
        }
    }

    private async Task KeepAsEarlyAsync(List<(string Source, IReadOnlyList<Receipt> Receipts)> attached)
    {
        foreach (var group in attached.GroupBy(a => a.Source, StringComparer.Ordinal))
        {
            try
            {
                await _ledger.ApplyReceiptsAsync(group.Key, [.. group.SelectMany(g => g.Receipts)], CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The ledger refuses writes (closed at stop): these receipts are lost with the outcomes they belong to,
                // and the slots come back at the next start as sends of unknown outcome.
            }
        }
    }

    private static bool IsAnswered(SlotOutcome outcome) =>
        outcome.State == DeliveryStatus.Sent && outcome.Source is not null && outcome.MessageIds is { Count: > 0 };

    /// <summary>Stops the timer and writes whatever is left.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await FlushAsync();
        _stop.Dispose();
    }
}
