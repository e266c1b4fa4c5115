using Hangfire;
using WarningHub.Engine.Hosting;

namespace WarningHub.Engine.Sending;

/// <summary>
/// The Hangfire job of one shard: one job per shard and per retry round, never one per recipient. The work is the
/// <see cref="ShardRunner"/>'s; this is only the durable, retried entry point Hangfire serialises.
/// </summary>
public sealed class ShardJob(ShardRunner runner, JobStopSignal? hostStopping = null)
{
    // No DisableConcurrentExecution: its lock is per method, not per shard, so it serialised every shard of every
    // warning behind one slow gateway. Two runs of the same shard are harmless: a claim hands each slot out once.
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [1, 5, 15])]
    public async Task RunAsync(long shardId, CancellationToken cancellationToken)
    {
        if (hostStopping is null)
        {
            await runner.RunAsync(shardId, int.MaxValue, cancellationToken);
            return;
        }
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, hostStopping.Token);
        await runner.RunAsync(shardId, int.MaxValue, stopping.Token);
    }
}
