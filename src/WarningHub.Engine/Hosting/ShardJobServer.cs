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
public sealed class ShardJobServer(IServiceProvider services, JobStorage storage, IOptions<EngineOptions> options) : IHostedService, IDisposable
{
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
            ServerName = name,
            Activator = new ContainerJobActivator(services),
        },
        storage);

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var server in _servers) server.SendStop();
        return Task.CompletedTask;
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
