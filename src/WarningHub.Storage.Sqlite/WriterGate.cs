namespace WarningHub.Storage.Sqlite;

/// <summary>
/// The one writer's turn, handed out first come, first served — except that urgent writers go before every waiting
/// ordinary one. A send waits for its "written" mark (guarantee 3) while holding its gateway's window slot, so the mark
/// must not queue behind a batch of outcomes and a batch of receipts: with it first in line it waits for at most the
/// transaction that is running.
/// </summary>
internal sealed class WriterGate
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _urgent = new();
    private readonly Queue<TaskCompletionSource> _ordinary = new();
    private bool _held;
    private bool _closed;

    /// <summary>Completes when the caller holds the writer; <see cref="Exit"/> hands it on.</summary>
    public Task EnterAsync(bool urgent, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource turn;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (!_held)
            {
                _held = true;
                return Task.CompletedTask;
            }
            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (urgent ? _urgent : _ordinary).Enqueue(turn);
        }
        if (!cancellationToken.CanBeCanceled) return turn.Task;
        // A cancelled waiter stays in its queue; Exit skips it (its TrySetResult fails).
        var registration = cancellationToken.Register(static state => ((TaskCompletionSource)state!).TrySetCanceled(), turn);
        return WaitAsync(turn, registration);
    }

    private static async Task WaitAsync(TaskCompletionSource turn, CancellationTokenRegistration registration)
    {
        try
        {
            await turn.Task.ConfigureAwait(false);
        }
        finally
        {
            await registration.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>For the holder, at disposal: every waiter and every later caller gets <see cref="ObjectDisposedException"/>.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            while (_urgent.TryDequeue(out var next) || _ordinary.TryDequeue(out next))
            {
                next.TrySetException(new ObjectDisposedException(nameof(SqliteDatabase)));
            }
        }
    }

    /// <summary>Hands the writer to the next urgent waiter, else the next ordinary one, else frees it.</summary>
    public void Exit()
    {
        lock (_lock)
        {
            while (_urgent.TryDequeue(out var next) || _ordinary.TryDequeue(out next))
            {
                if (next.TrySetResult()) return;
            }
            _held = false;
        }
    }
}
