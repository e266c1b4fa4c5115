using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace WarningHub.Engine.Hosting;

/// <summary>
/// The Hangfire server of this hub, built with this host's storage and this host's container as its job activator.
/// Hangfire's own AddHangfireServer falls back on process-wide statics (JobStorage.Current, JobActivator.Current):
/// with two hubs in one process (the test suite, a demo beside a server) one hub's workers ran the other's jobs
/// against the wrong ledger, and a warning stalled with nothing sent.
/// </summary>
public sealed class ShardJobServer(IServiceProvider services, JobStorage storage, IOptions<EngineOptions> options) : IHostedService, IDisposable
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                WorkerCount = options.Value.Workers,
                SchedulePollingInterval = TimeSpan.FromSeconds(1),
                ServerName = "warninghub",
                Activator = new ContainerJobActivator(services),
            },
            storage);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _server?.SendStop();
        return Task.CompletedTask;
    }

    public void Dispose() => _server?.Dispose();

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
