using System.Collections.Concurrent;

namespace WarningHub.Engine.Receipts;

/// <summary>
/// Messages whose send has been answered by the gateway but whose outcome is not in the ledger yet (outcomes are
/// written a fraction of a second later, in batches). A fast gateway's receipt often overtakes that write; the ledger
/// would keep it as an early receipt and settle it with the outcome, at three extra writes a message. The
/// <see cref="ReceiptPump"/> asks here first and holds such a receipt in memory until the outcome is written — only
/// as long as a receipt already waits in the adapter's queue — and then applies it the ordinary way. A receipt whose
/// send is not known here (answered by another process, or overtaking even the answer) still goes the early way.
/// </summary>
public sealed class UnrecordedSends
{
    private readonly ConcurrentDictionary<(string Source, string MessageId), byte> _sends = new();
    private TaskCompletionSource _recorded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Messages known here now.</summary>
    public int Count => _sends.Count;

    /// <summary>Completes at the next <see cref="Recorded"/> call: a held receipt may have its outcome then.</summary>
    public Task NextRecordedAsync() => Volatile.Read(ref _recorded).Task;

    /// <summary>The gateway answered these parts' sends; their outcome is about to be written.</summary>
    public void Answered(string source, IReadOnlyList<string> messageIds)
    {
        foreach (var id in messageIds) _sends.TryAdd((source, id), 0);
    }

    /// <summary>The outcome of these parts is written (or failed to be: then the early way takes their receipts).</summary>
    public void Recorded(string source, IReadOnlyList<string> messageIds)
    {
        foreach (var id in messageIds) _sends.TryRemove((source, id), out _);
    }

    /// <summary>Wakes the pump after a batch of <see cref="Recorded"/> calls.</summary>
    public void Signal() =>
        Interlocked.Exchange(ref _recorded, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>True while the outcome of this part's send is not written yet.</summary>
    public bool IsUnrecorded(string source, string messageId) => _sends.ContainsKey((source, messageId));
}
