using System.Threading.Channels;
using WarningHub.Core.Ledger;

namespace WarningHub.Engine.Sending;

/// <summary>
/// Records, before a request leaves, that it may leave (guarantee 3): after a crash only slots recorded here are
/// marked possibly duplicated. Marks from every shard in flight are committed together (group commit): while one
/// batch is written, the next gathers, so the cost per message is a fraction of one small transaction.
/// </summary>
public sealed class WriteJournal : IAsyncDisposable
{
    private const int MaxBatch = 4096;

    private readonly ILedger _ledger;
    private readonly Channel<(long SlotId, TaskCompletionSource Done)> _marks =
        Channel.CreateUnbounded<(long, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public WriteJournal(ILedger ledger)
    {
        _ledger = ledger;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Completes once the slot is durably marked written; throws if it could not be (then nothing may be written).</summary>
    public Task MarkAsync(long slotId, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_marks.Writer.TryWrite((slotId, done))) throw new InvalidOperationException("The write journal is closed: the hub is stopping.");
        return done.Task.WaitAsync(cancellationToken);
    }

    private async Task LoopAsync()
    {
        var batch = new List<(long SlotId, TaskCompletionSource Done)>(MaxBatch);
        while (await _marks.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _marks.Reader.TryRead(out var mark)) batch.Add(mark);
            try
            {
                await _ledger.MarkWrittenAsync(batch.Select(m => m.SlotId).ToList(), CancellationToken.None);
                foreach (var m in batch) m.Done.TrySetResult();
            }
            catch (Exception ex)
            {
                foreach (var m in batch) m.Done.TrySetException(ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _marks.Writer.TryComplete();
        await _loop;
    }
}
