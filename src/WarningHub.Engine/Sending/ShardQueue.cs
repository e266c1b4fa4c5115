using Hangfire;
using WarningHub.Core.Ledger;

namespace WarningHub.Engine.Sending;

/// <summary>Puts shard jobs on Hangfire: one job per shard and per retry round, never one per recipient.</summary>
public sealed class ShardQueue(IBackgroundJobClient jobs, TimeProvider time)
{
    public void Enqueue(ShardInfo shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        jobs.Enqueue<ShardJob>(j => j.RunAsync(shard.Id, CancellationToken.None));
    }

    public void Schedule(ShardInfo shard, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var delay = at - time.GetUtcNow();
        if (delay <= TimeSpan.Zero) Enqueue(shard);
        else jobs.Schedule<ShardJob>(j => j.RunAsync(shard.Id, CancellationToken.None), delay);
    }
}
