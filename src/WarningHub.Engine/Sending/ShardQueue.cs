using Hangfire;
using WarningHub.Core.Ledger;

namespace WarningHub.Engine.Sending;

/// <summary>
/// Puts shard jobs on Hangfire: one job per shard and per retry round, never one per recipient. SMS shards (persons'
/// phones and broadcasters' links) go to the <see cref="Sms"/> queue, every other channel's (loudspeakers, followers,
/// robots, TV) to <see cref="Endpoints"/>, each with workers of its own: in one first-in-first-out queue the
/// villages' loudspeakers waited until the whole county's SMS fan-out had been handed over.
/// </summary>
public sealed class ShardQueue(IBackgroundJobClient jobs, TimeProvider time)
{
    /// <summary>The queue of SMS shards (Hangfire queue names are lower case).</summary>
    public const string Sms = "sms";

    /// <summary>The queue of the other channels' shards.</summary>
    public const string Endpoints = "endpoints";

    /// <summary>The queue a shard of <paramref name="channel"/> runs in.</summary>
    public static string QueueOf(string channel) =>
        channel is Core.Planning.Channels.Sms or Core.Planning.Channels.Broadcaster ? Sms : Endpoints;

    public void Enqueue(ShardInfo shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        jobs.Enqueue<ShardJob>(QueueOf(shard.Channel), j => j.RunAsync(shard.Id, CancellationToken.None));
    }

    public void Schedule(ShardInfo shard, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var delay = at - time.GetUtcNow();
        if (delay <= TimeSpan.Zero) Enqueue(shard);
        else jobs.Schedule<ShardJob>(QueueOf(shard.Channel), j => j.RunAsync(shard.Id, CancellationToken.None), delay);
    }
}
