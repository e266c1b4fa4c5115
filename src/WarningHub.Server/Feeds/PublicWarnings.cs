using WarningHub.Core.Cap;
using System.Collections.Concurrent;
using WarningHub.Core.Warnings;

namespace WarningHub.Server.Feeds;

/// <summary>
/// The warnings the public feeds show: released, CAP status Actual and scope Public, not ended (expired, cancelled,
/// superseded), and not past their expiry. The CAP feed also shows released Cancels (an all-clear is news too) and
/// keeps the warnings an Update or Cancel in it refers to, so a reader sees the original beside what changed it. The
/// store is read at most once a second; expiry is checked against the clock on every call, so a warning leaves the
/// feeds at its expiry without any timer, and within a second of a cancel.
/// </summary>
internal sealed class PublicWarnings(IWarningStore store, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<long, PublicWarning> _parsed = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot? _snapshot;

    /// <summary>Warnings in force now, newest first (the TV feeds: a Cancel is no caption).</summary>
    public async Task<IReadOnlyList<PublicWarning>> InForceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var snapshot = await SnapshotAsync(now, cancellationToken);
        return snapshot.Released.Where(w => w.Record.MsgType != CapMsgType.Cancel && Current(w, now)).ToList();
    }

    /// <summary>
    /// The CAP feed: warnings in force and released Cancels, newest first, followed by the ended warnings they refer to.
    /// </summary>
    public async Task<IReadOnlyList<PublicWarning>> InFeedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var snapshot = await SnapshotAsync(now, cancellationToken);
        var current = snapshot.Released.Where(w => Current(w, now)).ToList();
        var shown = current.Select(w => w.Record.PublicId).ToHashSet(StringComparer.Ordinal);
        var referenced = current.SelectMany(w => w.Record.References).ToHashSet(StringComparer.Ordinal);
        return [.. current, .. snapshot.Originals.Where(o => referenced.Contains(o.Record.PublicId) && shown.Add(o.Record.PublicId))];
    }

    private static bool Current(PublicWarning warning, DateTimeOffset now) => warning.Record.Expires is not { } expires || expires > now;

    private async Task<Snapshot> SnapshotAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Fresh(_snapshot, now) is { } hit) return hit;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_snapshot, now) is { } again) return again;
            var active = await store.ListActiveAsync(cancellationToken);
            var released = active
                .Where(w => w.State == WarningState.Released && w.CapStatus == CapStatus.Actual)
                .Select(w => _parsed.GetOrAdd(w.Id, _ => PublicWarning.Of(w)) with { Record = w })
                .Where(w => w.IsPublicScope)
                .OrderByDescending(w => w.Updated).ThenBy(w => w.Record.PublicId, StringComparer.Ordinal)
                .ToList();
            var originals = new List<PublicWarning>();
            foreach (var publicId in released.Where(w => w.Record.MsgType is CapMsgType.Update or CapMsgType.Cancel).SelectMany(w => w.Record.References).Distinct())
            {
                if (await store.GetAsync(publicId, cancellationToken) is not { CapStatus: CapStatus.Actual, ReleasedAt: not null } original) continue;
                var parsed = _parsed.GetOrAdd(original.Id, _ => PublicWarning.Of(original)) with { Record = original };
                if (parsed.IsPublicScope) originals.Add(parsed);
            }
            var kept = released.Concat(originals).Select(w => w.Record.Id).ToHashSet();
            foreach (var id in _parsed.Keys.Where(id => !kept.Contains(id))) _parsed.TryRemove(id, out _);
            _snapshot = new Snapshot(now, released, originals);
            return _snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static Snapshot? Fresh(Snapshot? snapshot, DateTimeOffset now) =>
        snapshot is not null && now >= snapshot.At && now - snapshot.At < MaxAge ? snapshot : null;

    public void Dispose() => _refresh.Dispose();

    private sealed record Snapshot(DateTimeOffset At, IReadOnlyList<PublicWarning> Released, IReadOnlyList<PublicWarning> Originals);
}
