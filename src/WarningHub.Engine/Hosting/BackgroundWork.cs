using System.Collections.Concurrent;

namespace WarningHub.Engine.Hosting;

/// <summary>
/// Work started off the request or job that asked for it, tracked so shutdown can stop it and wait for it.
/// Its token is cancelled when the host stops; work that is cut short is finished by the recovery pass.
/// </summary>
public sealed class BackgroundWork : IDisposable
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Runs <paramref name="work"/> on the thread pool; false (and nothing runs) once stopping.</summary>
    public bool Start(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_stopping.IsCancellationRequested) return false;
        var token = _stopping.Token;
        var task = Task.Run(() => work(token), CancellationToken.None);
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return true;
    }

    /// <summary>Cancels the work's token and waits for it to end, up to <paramref name="cancellationToken"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutdown ran out of time: what was persisted stays, and recovery resumes the rest.
        }
        catch (Exception)
        {
            // Each piece of work logs its own failures; shutdown goes on.
        }
    }

    public void Dispose() => _stopping.Dispose();
}
