using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;
using WarningHub.Core.Registry;
using WarningHub.Engine.Intake;
using WarningHub.Engine.Receipts;
using WarningHub.Engine.Release;
using WarningHub.Engine.Sending;
using RetryPolicy = WarningHub.Engine.Sending.RetryPolicy;

namespace WarningHub.Engine.Hosting;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// The engine: intake, Quartz for time, Hangfire (in-memory, rebuilt from the ledger at start-up) for shard
    /// jobs, receipts. <paramref name="loadRegistry"/> supplies the registry at start-up.
    /// </summary>
    public static IServiceCollection AddWarningHubEngine(this IServiceCollection services, Func<IServiceProvider, CountyRegistry?> loadRegistry,
        Func<IServiceProvider, CountyEndpoints>? loadEndpoints = null)
    {
        services.AddOptions<EngineOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EngineOptions>, EngineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RegistryHolder>();
        services.TryAddSingleton<ActiveWarnings>();
        services.TryAddSingleton<ChannelRouter>();
        services.TryAddSingleton(sp => new RetryPolicy(sp.GetRequiredService<IOptions<EngineOptions>>()));
        services.TryAddSingleton<ShardQueue>();
        services.TryAddSingleton<BroadcastLinks>();
        services.TryAddSingleton<WarningContent>();
        services.TryAddSingleton<WarningLifecycle>();
        services.TryAddSingleton<WarningScheduler>();
        services.TryAddSingleton<WarningReleaser>();
        services.TryAddSingleton<ImmediateReleases>();
        services.TryAddSingleton<ShardFastLane>();
        services.TryAddSingleton<WarningDispatcher>();
        services.TryAddSingleton<WarningIntake>();
        services.TryAddSingleton<WarmUpSignal>();
        services.TryAddTransient<ShardJob>();

        services.AddQuartz(q => q.UseInMemoryStore());
        // The storage is this host's own service, never Hangfire's static JobStorage.Current: two hubs in one
        // process (tests, the demo beside a server) must not run each other's jobs. The client, the server and
        // the dashboard all take JobStorage from the container.
        services.TryAddSingleton<JobStorage>(_ => new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(1) }));
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        services.AddHangfire((sp, cfg) => cfg
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        // Start order matters: registry, then connections, then recovery (which queues work), then the executors.
        services.AddHostedService(sp => new RegistryLoader(() => loadRegistry(sp), () => loadEndpoints?.Invoke(sp) ?? CountyEndpoints.Empty, sp.GetRequiredService<RegistryHolder>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RegistryLoader>>()));
        services.AddHostedService<ChannelHost>();
        services.AddHostedService<EngineRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<ImmediateReleases>());
        services.AddHostedService(sp => sp.GetRequiredService<ShardFastLane>());
        services.AddHostedService<ReceiptPump>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ShardJobServer>();
        services.AddHostedService<EngineWarmUp>();
        return services;
    }
}
