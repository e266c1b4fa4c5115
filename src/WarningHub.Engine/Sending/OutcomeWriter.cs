using WarningHub.Core.Ledger;

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
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private List<SlotOutcome> _pending = [];

    public OutcomeWriter(ILedger ledger, TimeProvider time)
    {
        _ledger = ledger;
        _loop = LoopAsync(time);
    }

    /// <summary>True once some slot came back because its gateway could not take it.</summary>
    public bool GatewayUnavailable { get; private set; }

    /// <param name="gatewayUnavailable">The adapter answered that its gateway cannot take messages now.</param>
    public void Add(SlotOutcome outcome, bool gatewayUnavailable = false)
    {
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
        return _ledger.RecordOutcomesAsync(batch, CancellationToken.None);
    }

    /// <summary>Stops the timer and writes whatever is left.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await FlushAsync();
        _stop.Dispose();
    }
}
