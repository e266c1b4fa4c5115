using System.Collections.Concurrent;
using Hangfire;
using WarningHub.Core.Ledger;

namespace WarningHub.Engine.Sending;

/// <summary>
/// Puts shard jobs on Hangfire: one job per shard and per retry round, never one per recipient. SMS shards (persons'
/// phones and broadcasters' links) go to the <see cref="Sms"/> queue, every other channel's (loudspeakers, followers,
/// robots, TV) to <see cref="Endpoints"/>, each with workers of its own: in one first-in-first-out queue the
/// villages' loudspeakers waited until the whole county's SMS fan-out had been handed over.
/// A later round waits on the engine's <see cref="TimeProvider"/> and is put on Hangfire when it is due, rather than
/// as a Hangfire scheduled job, whose clock is the machine's: retries then keep the same time as Quartz and the
/// ledger's <c>next_at</c>, and tests move them with fake time. The wait needs no durable store of its own: the
/// ledger keeps the slots due, and a restart queues every unfinished shard again.
/// </summary>
public sealed class ShardQueue(IBackgroundJobClient jobs, TimeProvider time) : IDisposable
{
    /// <summary>The queue of SMS shards (Hangfire queue names are lower case).</summary>
    public const string Sms = "sms";

    /// <summary>The queue of the other channels' shards.</summary>
    public const string Endpoints = "endpoints";

    private readonly ConcurrentDictionary<long, ITimer> _waiting = new();
    private volatile bool _disposed;

    /// <summary>The queue a shard of <paramref name="channel"/> runs in.</summary>
    public static string QueueOf(string channel) =>
        channel is Core.Planning.Channels.Sms or Core.Planning.Channels.Broadcaster ? Sms : Endpoints;

    /// <summary>Shards whose next round waits for its time.</summary>
    public int Waiting => _waiting.Count;

    public void Enqueue(ShardInfo shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        jobs.Enqueue<ShardJob>(QueueOf(shard.Channel), j => j.RunAsync(shard.Id, CancellationToken.None));
    }

    /// <summary>Queues the shard's next round at <paramref name="at"/> (at once when that is past). A shard waits once: a later call replaces an earlier one.</summary>
    public void Schedule(ShardInfo shard, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var delay = at - time.GetUtcNow();
        if (delay <= TimeSpan.Zero || _disposed)
        {
            if (!_disposed) Enqueue(shard);
            return;
        }
        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            // Only the timer still registered for the shard queues it; a replaced one does nothing.
            if (_waiting.TryRemove(new KeyValuePair<long, ITimer>(shard.Id, timer!)))
            {
                timer!.Dispose();
                if (!_disposed) Enqueue(shard);
            }
        }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (_waiting.TryRemove(shard.Id, out var earlier)) earlier.Dispose();
        _waiting[shard.Id] = timer;
        timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Drops the waits: the host is stopping, and the next start queues unfinished shards again.</summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (var shardId in _waiting.Keys)
        {
            if (_waiting.TryRemove(shardId, out var timer)) timer.Dispose();
        }
    }
}
