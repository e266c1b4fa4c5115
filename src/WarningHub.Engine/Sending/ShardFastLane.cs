using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WarningHub.Core.Ledger;
using WarningHub.Engine.Hosting;

namespace WarningHub.Engine.Sending;

/// <summary>
/// The first batch of a new warning's first shard, sent at once in this process beside the shard's Hangfire job.
/// The job's enqueue and pick-up cost 10–40 ms (two thread hops, more on a busy machine) before anything left;
/// this sends the first claim without them. The Hangfire job still runs the shard, so durability, retries and the
/// rest of the shard are as for every other shard; the claim hands each slot to one of the two.
/// </summary>
public sealed class ShardFastLane(IServiceScopeFactory scopes, ILogger<ShardFastLane> logger) : IHostedService, IDisposable
{
    private readonly BackgroundWork _work = new();

    /// <summary>Starts the batch; the task completes once it is claimed (or could not be), before it is sent.</summary>
    public Task Start(ShardInfo shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var claimed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = _work.Start(async stopping =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ShardRunner>().RunAsync(shard.Id, 1, stopping, () => claimed.TrySetResult());
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Shutting down: the slots claimed and not sent are recorded as not sent; the Hangfire job or recovery sends them.
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The first batch of shard {ShardId} failed here; its Hangfire job sends the shard", shard.Id);
            }
            finally
            {
                claimed.TrySetResult();
            }
        });
        if (!started) claimed.TrySetResult();
        return claimed.Task;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => _work.StopAsync(cancellationToken);

    public void Dispose() => _work.Dispose();
}
