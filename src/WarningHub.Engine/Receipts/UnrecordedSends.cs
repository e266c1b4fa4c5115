using System.Collections.Concurrent;
using WarningHub.Abstractions;

namespace WarningHub.Engine.Receipts;

/// <summary>
/// Messages whose send has been answered by the gateway but whose outcome is not in the ledger yet (outcomes are
/// written a fraction of a second later, in batches). A fast gateway's receipt usually overtakes that write.
/// <list type="bullet">
/// <item>While the outcome is still waiting for its batch, the <see cref="ReceiptPump"/> attaches the receipt to it
/// (<see cref="TryAttach"/>): the outcome's own write then records the slot delivered, one row update instead of
/// three more writes later.</item>
/// <item>While the batch is being written, the pump holds the receipt in memory until the write ends and then applies
/// it the ordinary way.</item>
/// <item>A receipt whose send is not known here (answered by another process, or overtaking even the answer) goes the
/// early way: the ledger keeps it and the outcome settles it.</item>
/// </list>
/// A receipt attached or held here is no more at risk than one still in the adapter's queue: if the outcome's write
/// fails, the writer hands its receipts to the ledger the early way.
/// </summary>
public sealed class UnrecordedSends
{
    private readonly ConcurrentDictionary<(string Source, string MessageId), Entry> _sends = new();
    private TaskCompletionSource _recorded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _attached, _held, _unknown;

    /// <summary>What became of a receipt offered to <see cref="TryAttach"/>.</summary>
    public enum Attach
    {
        /// <summary>Its send is not known here: the ledger takes it (as an early receipt if need be).</summary>
        Unknown,

        /// <summary>Attached to its send's outcome, which records it.</summary>
        Attached,

        /// <summary>Its send's outcome is being written (or already carries a receipt): hold it until <see cref="Recorded"/>.</summary>
        Hold,
    }

    /// <summary>Receipts offered to <see cref="TryAttach"/> since start, by what became of them (for the benchmark and operators).</summary>
    public (long Attached, long Held, long Unknown) Offered => (Interlocked.Read(ref _attached), Interlocked.Read(ref _held), Interlocked.Read(ref _unknown));

    /// <summary>Messages known here now.</summary>
    public int Count => _sends.Count;

    /// <summary>Completes at the next <see cref="Signal"/>: a held receipt may have its outcome then.</summary>
    public Task NextRecordedAsync() => Volatile.Read(ref _recorded).Task;

    /// <summary>The gateway answered these parts' sends; their outcome is about to be written.</summary>
    public void Answered(string source, IReadOnlyList<string> messageIds)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        foreach (var id in messageIds) _sends.TryAdd((source, id), new Entry());
    }

    /// <summary>Attaches <paramref name="receipt"/> to its send's outcome if that is still waiting for its write.</summary>
    public Attach TryAttach(string source, Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (!_sends.TryGetValue((source, receipt.ProviderMessageId), out var entry))
        {
            Interlocked.Increment(ref _unknown);
            return Attach.Unknown;
        }
        lock (entry)
        {
            if (entry.Writing || entry.Receipt is not null)
            {
                // Being written, or a receipt for this part is attached already (a repeat): it waits for the write.
                Interlocked.Increment(ref _held);
                return Attach.Hold;
            }
            entry.Receipt = receipt;
        }
        Interlocked.Increment(ref _attached);
        return Attach.Attached;
    }

    /// <summary>
    /// The outcome of these parts goes into a write now: receipts attached so far travel with it (null if none), and
    /// receipts that come from here on are held until <see cref="Recorded"/>.
    /// </summary>
    public IReadOnlyList<Receipt>? TakeForWrite(string source, IReadOnlyList<string> messageIds)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        List<Receipt>? receipts = null;
        foreach (var id in messageIds)
        {
            if (!_sends.TryGetValue((source, id), out var entry)) continue;
            lock (entry)
            {
                entry.Writing = true;
                if (entry.Receipt is { } receipt) (receipts ??= []).Add(receipt);
                entry.Receipt = null; // taken once; repeats that come now are held (Writing)
            }
        }
        return receipts;
    }

    /// <summary>The outcome of these parts is written (or failed to be: then the early way takes their receipts).</summary>
    public void Recorded(string source, IReadOnlyList<string> messageIds)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        foreach (var id in messageIds) _sends.TryRemove((source, id), out _);
    }

    /// <summary>Wakes the pump after a batch of <see cref="Recorded"/> calls.</summary>
    public void Signal() =>
        Interlocked.Exchange(ref _recorded, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>True while the outcome of this part's send is not written yet.</summary>
    public bool IsUnrecorded(string source, string messageId) => _sends.ContainsKey((source, messageId));

    private sealed class Entry
    {
        public bool Writing { get; set; }

        public Receipt? Receipt { get; set; }
    }
}
