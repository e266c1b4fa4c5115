using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WarningHub.Engine.Sending;

namespace WarningHub.Engine.Hosting;

/// <summary>
/// The Hangfire servers of this hub, built with this host's storage and this host's container as their job activator.
/// Hangfire's own AddHangfireServer falls back on process-wide statics (JobStorage.Current, JobActivator.Current):
/// with two hubs in one process (the test suite, a demo beside a server) one hub's workers ran the other's jobs
/// against the wrong ledger, and a warning stalled with nothing sent.
/// Two servers, so that each queue has workers of its own (see <see cref="ShardQueue"/>): SMS shards and the
/// engine's own jobs on <see cref="EngineOptions.Workers"/>, the other channels on <see cref="EngineOptions.EndpointWorkers"/>.
/// </summary>
public sealed class ShardJobServer(IServiceProvider services, JobStorage storage, IOptions<EngineOptions> options, JobStopSignal stopSignal) : IHostedService, IDisposable
{
    /// <summary>How long a stopping job may take to finish its sends under way; within the host's shutdown time.</summary>
    public static readonly TimeSpan JobStopTimeout = TimeSpan.FromSeconds(20);

    private readonly List<BackgroundJobServer> _servers = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _servers.Add(Server("warninghub-sms", options.Value.Workers, ShardQueue.Sms, "default"));
        _servers.Add(Server("warninghub-endpoints", options.Value.EndpointWorkers, ShardQueue.Endpoints));
        return Task.CompletedTask;
    }

    private BackgroundJobServer Server(string name, int workers, params string[] queues) => new(
        new BackgroundJobServerOptions
        {
            WorkerCount = workers,
            Queues = queues,
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
            // A job told to stop (JobStopSignal) finishes the sends it has written (their answers, or their timeout) before
            // Hangfire cancels its token and abandons it; with Hangfire's default a full window in flight was abandoned.
            StopTimeout = JobStopTimeout,
            ShutdownTimeout = JobStopTimeout + TimeSpan.FromSeconds(5),
            ServerName = name,
            Activator = new ContainerJobActivator(services),
        },
        storage);

    /// <summary>
    /// Stops claiming and waits for the jobs under way, up to the host's shutdown time: their sends already written
    /// are answered while the gateways are still up (this service stops before <see cref="ChannelHost"/>), and their
    /// outcomes reach the ledger before it closes. Not waiting let a clean stop close the ledger under a shard's last
    /// outcomes; the slots came back "possibly duplicated" and were sent twice (fault battery, clean-stop-at-50%).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        stopSignal.Stop(); // running jobs stop claiming now (Hangfire tells them only when it gives up on them)
        foreach (var server in _servers) server.SendStop();
        try
        {
            await Task.WhenAll(_servers.Select(s => s.WaitForShutdownAsync(cancellationToken)));
        }
        catch (OperationCanceledException)
        {
            // Shutdown ran out of time: what was written stays, and recovery flags the rest.
        }
    }

    public void Dispose()
    {
        foreach (var server in _servers) server.Dispose();
    }

    /// <summary>One DI scope per job, from this host's container.</summary>
    private sealed class ContainerJobActivator(IServiceProvider services) : JobActivator
    {
        public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(services.CreateScope());

        private sealed class Scope(IServiceScope scope) : JobActivatorScope
        {
            public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

            public override void DisposeScope() => scope.Dispose();
        }
    }
}
