using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;
using WarningHub.Core.Geo;
using WarningHub.Core.Ledger;
using WarningHub.Core.Planning;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Sending;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Hosting;

/// <summary>
/// Warm-up, all of it in one place: the last step of start-up runs one <see cref="WarmUpJob"/> through Hangfire and
/// waits for it, boundedly, so a hub that reports itself started sends its first warning without first-use costs.
/// A warm-up that fails or times out is logged and changes nothing else.
/// </summary>
public sealed class EngineWarmUp(IBackgroundJobClient jobs, WarmUpSignal signal, ILogger<EngineWarmUp> logger) : IHostedLifecycleService
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After every hosted service has started: the Hangfire workers are running by then.</summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            jobs.Enqueue<WarmUpJob>(ShardQueue.Sms, j => j.RunAsync(CancellationToken.None));
            await signal.Task.WaitAsync(Limit, cancellationToken);
            logger.LogDebug("Engine warmed up in {Ms:F0} ms", TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("The engine's warm-up job did not run within {Seconds} s; the first warning may be slower to leave", Limit.TotalSeconds);
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// The warm-up's job: the job client's serializer, the worker's fetch, the activator, the ledger's shard read and
/// claim, and each adapter's send path all run once. It claims an empty range of slots, rehearses the ledger's
/// writes in a transaction that is rolled back, plans the county for its test recipients without keeping the plan,
/// and sends nothing.
/// </summary>
public sealed class WarmUpJob(
    ILedger ledger,
    ILedgerMaintenance maintenance,
    IWarningStore warnings,
    RegistryHolder registry,
    ChannelRouter router,
    WarmUpSignal signal,
    IOptions<EngineOptions> options,
    TimeProvider time)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            _ = await maintenance.GetShardAsync(0, cancellationToken);
            _ = await warnings.GetByIdAsync(0, cancellationToken);
            _ = await ledger.ClaimAsync(new ShardInfo(0, 0, Core.Planning.Channels.Sms, 0, 1, 0), time.GetUtcNow(), 1, cancellationToken);
            await maintenance.RehearseAsync(cancellationToken);
            if (registry.IsLoaded)
            {
                // A whole-county plan for the test recipients: every loop of the planner runs over the real registry.
                var county = registry.Current;
                var target = new PlanTarget([county.County.Code], new GeoArea([], []), TestRecipientsOnly: true);
                _ = WarningPlanner.Plan(0, target, county, registry.Endpoints, router.PlanChannels(), options.Value.ShardSize);
            }
            foreach (var adapter in router.Adapters.OfType<IWarmUp>()) await adapter.WarmUpAsync(cancellationToken);
        }
        finally
        {
            signal.Done();
        }
    }
}

/// <summary>Set once the warm-up job has run.</summary>
public sealed class WarmUpSignal
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Task => _done.Task;

    public void Done() => _done.TrySetResult();
}
