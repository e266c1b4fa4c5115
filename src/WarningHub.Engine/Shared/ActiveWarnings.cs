using System.Collections.Concurrent;

namespace WarningHub.Engine.Shared;

/// <summary>
/// One stop signal per warning that shard jobs watch between sends, so a cancel, update or expiry
/// stops pending sends at once instead of at the next shard.
/// </summary>
public sealed class ActiveWarnings : IDisposable
{
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _stops = new();

    /// <summary>The stop signal of a warning.</summary>
    public CancellationToken StopTokenOf(long warningId) =>
        _stops.GetOrAdd(warningId, _ => new CancellationTokenSource()).Token;

    /// <summary>Signals every job of the warning to stop sending.</summary>
    public void Stop(long warningId) => _stops.GetOrAdd(warningId, _ => new CancellationTokenSource()).Cancel();

    public void Dispose()
    {
        foreach (var cts in _stops.Values) cts.Dispose();
        _stops.Clear();
    }
}
