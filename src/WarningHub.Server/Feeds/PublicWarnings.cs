using WarningHub.Core.Cap;
using System.Collections.Concurrent;
using WarningHub.Core.Warnings;

namespace WarningHub.Server.Feeds;

/// <summary>
/// The warnings the public feeds show: released, CAP status Actual and scope Public, not ended (expired, cancelled,
/// superseded), and not past their expiry. The store is read at most once a second; expiry is checked against the clock on
/// every call, so a warning leaves the feeds at its expiry without any timer, and within a second of a cancel.
/// </summary>
internal sealed class PublicWarnings(IWarningStore store, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<long, PublicWarning> _parsed = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot? _snapshot;

    /// <summary>In force now, newest first.</summary>
    public async Task<IReadOnlyList<PublicWarning>> InForceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var released = await ReleasedAsync(now, cancellationToken);
        return released.Where(w => w.Record.Expires is not { } expires || expires > now).ToList();
    }

    private async Task<IReadOnlyList<PublicWarning>> ReleasedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Fresh(_snapshot, now) is { } hit) return hit;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_snapshot, now) is { } again) return again;
            var active = await store.ListActiveAsync(cancellationToken);
            var released = active
                .Where(w => w.State == WarningState.Released && w.CapStatus == CapStatus.Actual && w.MsgType != CapMsgType.Cancel)
                .Select(w => _parsed.GetOrAdd(w.Id, _ => PublicWarning.Of(w)) with { Record = w })
                .ToList();
            foreach (var id in _parsed.Keys.Except(released.Select(w => w.Record.Id))) _parsed.TryRemove(id, out _);
            var list = released.Where(w => w.IsPublicScope)
                .OrderByDescending(w => w.Updated).ThenBy(w => w.Record.PublicId, StringComparer.Ordinal)
                .ToList();
            _snapshot = new Snapshot(now, list);
            return list;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static IReadOnlyList<PublicWarning>? Fresh(Snapshot? snapshot, DateTimeOffset now) =>
        snapshot is not null && now >= snapshot.At && now - snapshot.At < MaxAge ? snapshot.Warnings : null;

    public void Dispose() => _refresh.Dispose();

    private sealed record Snapshot(DateTimeOffset At, IReadOnlyList<PublicWarning> Warnings);
}
