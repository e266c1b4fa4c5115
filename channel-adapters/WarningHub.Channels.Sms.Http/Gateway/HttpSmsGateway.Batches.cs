using System.Collections.Concurrent;
using WarningHub.Channels.Sms.Http.Gateway;

namespace WarningHub.Channels.Sms.Http;

public sealed partial class HttpSmsGateway
{
    private readonly Lock _batchLock = new();
    private readonly Dictionary<string, OpenBatch> _open = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _leaving = new();

    /// <summary>
    /// Adds <paramref name="send"/> to the open batch of its text. A batch leaves when it holds MaxBatch numbers or when
    /// BatchLinger has passed since its first: a warning's thousands of slots share requests, a lone 叫应 call waits
    /// no longer than the linger.
    /// </summary>
    private void Enqueue(PendingSend send)
    {
        List<PendingSend>? full = null;
        lock (_batchLock)
        {
            if (!_open.TryGetValue(send.Text, out var batch))
            {
                batch = new OpenBatch();
                _open[send.Text] = batch;
                var text = send.Text;
                batch.Timer = _time.CreateTimer(_ => FlushOpen(text, batch), null, _options.BatchLinger, Timeout.InfiniteTimeSpan);
            }

            batch.Sends.Add(send);
            if (batch.Sends.Count >= _options.EffectiveMaxBatch)
            {
                _open.Remove(send.Text);
                batch.Timer?.Dispose();
                full = batch.Sends;
            }
        }

        if (full is not null)
        {
            Leave(full);
        }
    }

    private void FlushOpen(string text, OpenBatch batch)
    {
        lock (_batchLock)
        {
            if (!_open.TryGetValue(text, out var current) || !ReferenceEquals(current, batch)) return;
            _open.Remove(text);
        }

        batch.Timer?.Dispose();
        Leave(batch.Sends);
    }

    /// <summary>
    /// Sends every open batch at once (on stop), so nothing accepted waits on a timer that no longer runs, and returns
    /// when every batch on its way has its results.
    /// </summary>
    private Task FlushAllAsync()
    {
        List<KeyValuePair<string, OpenBatch>> open;
        lock (_batchLock)
        {
            open = [.. _open];
        }

        foreach (var (text, batch) in open) FlushOpen(text, batch);
        return Task.WhenAll(_leaving.Keys);
    }

    private void Leave(List<PendingSend> batch)
    {
        var sending = Task.Run(() => SendBatchAsync(batch, CancellationToken.None));
        _leaving.TryAdd(sending, 0);
        _ = sending.ContinueWith(t => _leaving.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private sealed class OpenBatch
    {
        public List<PendingSend> Sends { get; } = [];

        public ITimer? Timer { get; set; }
    }
}
