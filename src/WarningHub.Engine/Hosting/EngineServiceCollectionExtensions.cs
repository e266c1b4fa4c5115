using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;
using WarningHub.Abstractions;
using WarningHub.Core.Planning.Policy;
using WarningHub.Core.Registry;
using WarningHub.Core.Templates.Text;
using WarningHub.Engine.Acknowledgements;
using WarningHub.Engine.Approval;
using WarningHub.Engine.Notices;
using WarningHub.Engine.Intake;
using WarningHub.Engine.Receipts;
using WarningHub.Engine.Release;
using WarningHub.Engine.Sending;
using WarningHub.Engine.Shared;
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
        services.AddOptions<NoticeOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NoticeOptions>, NoticeOptionsValidator>());
        services.AddOptions<AcknowledgementOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AcknowledgementOptions>, AcknowledgementOptionsValidator>());
        services.AddOptions<Reach.DoorToDoorOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Reach.DoorToDoorOptions>, Reach.DoorToDoorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // Shared services, outside every stage: the registry, message composition, stop signals, ending warnings.
        services.TryAddSingleton<RegistryHolder>();
        services.TryAddSingleton(sp => TextTemplates.Load(sp.GetRequiredService<IOptions<EngineOptions>>().Value.TemplateFolder));
        services.TryAddSingleton<WarningContent>();
        services.TryAddSingleton(sp => ReleasePolicy.Load(sp.GetRequiredService<IOptions<EngineOptions>>().Value.PolicyFile));
        services.TryAddSingleton<BroadcastLinks>();
        services.TryAddSingleton<DoorLinks>();
        services.TryAddSingleton<Reach.WarningReach>();
        services.TryAddSingleton<Reach.DoorToDoorCadres>();
        services.TryAddSingleton<Reach.HouseholdMarking>();
        services.TryAddSingleton<ActiveWarnings>();
        services.TryAddSingleton<WarningLifecycle>();
        // Intake → Release → Sending → Receipts: each stage depends only on those before it and on the shared services.
        services.TryAddSingleton<WarningIntake>();
        services.AddOptions<ApprovalOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApprovalOptions>, ApprovalOptionsValidator>());
        services.TryAddSingleton<ApprovalPolicy>();
        services.TryAddSingleton<ApprovalDesk>();
        services.TryAddSingleton<ApprovalDeadlines>();
        services.TryAddSingleton<WarningDispatcher>();
        services.TryAddSingleton<WarningScheduler>();
        services.TryAddSingleton<WarningRouting>();
        services.TryAddSingleton<ReleasePreview>();
        services.TryAddSingleton<WarningReleaser>();
        services.TryAddSingleton<Reach.DoorToDoorNotices>();
        services.TryAddSingleton<Notices.OfficerAllClear>();
        services.TryAddSingleton<ReleaseOutbox>();
        services.AddOptions<Sending.Routing.RoutingOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Sending.Routing.RoutingOptions>, Sending.Routing.RoutingOptionsValidator>());
        services.TryAddSingleton<Sending.Routing.GatewayCircuits>();
        services.TryAddSingleton(sp => new Sending.Routing.GatewayRoutes(
            sp.GetRequiredService<IOptions<Sending.Routing.RoutingOptions>>(), sp.GetRequiredService<Sending.Routing.GatewayCircuits>()));
        services.TryAddSingleton(sp => new ChannelRouter(
            sp.GetServices<ITextSender>(), sp.GetServices<IAudioBroadcaster>(), sp.GetRequiredService<Sending.Routing.GatewayRoutes>()));
        services.TryAddSingleton(sp => new RetryPolicy(sp.GetRequiredService<IOptions<EngineOptions>>()));
        services.TryAddSingleton<SlotOutcomePolicy>();
        services.TryAddSingleton<ShardQueue>();
        services.TryAddSingleton<ShardFastLane>();
        services.TryAddSingleton<GatewayWaits>();
        services.TryAddSingleton<WriteJournal>();
        services.TryAddSingleton<Receipts.AskedReceipts>();
        services.TryAddTransient<ShardPayloadFactory>();
        services.TryAddTransient<ShardRunner>();
        services.TryAddSingleton<JobStopSignal>();
        services.TryAddTransient<ShardJob>();
        services.TryAddSingleton<WarmUpSignal>();
        services.TryAddTransient<WarmUpJob>();
        services.TryAddSingleton<Health.EngineHealth>();
        // Officers: notices (durable texts to one officer) and 叫应 (calls, answers, deadlines, escalation).
        services.TryAddSingleton<NoticeOutbox>();
        services.TryAddSingleton<AcknowledgementLinks>();
        services.TryAddSingleton<AcknowledgementTexts>();
        services.TryAddSingleton<AcknowledgementScheduler>();
        services.TryAddSingleton<AcknowledgementVoice>();
        services.TryAddSingleton<VoiceCallResults>();
        services.TryAddSingleton<AcknowledgementCalls>();
        services.TryAddSingleton<AcknowledgementEscalation>();
        services.TryAddTransient<AcknowledgementDeadlineJob>();
        services.TryAddSingleton<ReplyPump>();

        services.AddQuartz(q => q.UseInMemoryStore());
        // The storage is this host's own service, never Hangfire's static JobStorage.Current: two hubs in one
        // process (tests, the demo beside a server) must not run each other's jobs. The client, the server and
        // the dashboard all take JobStorage from the container.
        services.TryAddSingleton<JobStorage>(_ => new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(1) }));
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        services.AddHangfire((sp, cfg) => cfg
            .UseLogProvider(new HangfireLogBridge(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        // Start order, explicit: hosted services start in registration order, and the lifecycle hooks bracket them.
        //  1. StartingAsync: the registry is loaded before anything can plan.
        //  2. StartAsync, in this order: adapters connect; recovery settles what a crash left and queues unfinished
        //     shards; the release outbox starts (its first sweep finishes interrupted releases); the fast lane, the
        //     gateway waits and the receipt pump; officer notices (recovering what a stop left in Sending), the reply
        //     pump, 叫应 deadlines put back on Quartz from the ledger; Quartz; the Hangfire workers.
        //  3. StartedAsync: the warm-up job runs through the now-running workers.
        services.AddHostedService(sp => new RegistryLoader(() => loadRegistry(sp), () => loadEndpoints?.Invoke(sp) ?? CountyEndpoints.Empty, sp.GetRequiredService<RegistryHolder>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RegistryLoader>>()));
        services.AddHostedService<ChannelHost>();
        services.AddHostedService<EngineRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<ReleaseOutbox>());
        services.AddHostedService(sp => sp.GetRequiredService<ApprovalDeadlines>());
        services.AddHostedService(sp => sp.GetRequiredService<ShardFastLane>());
        services.AddHostedService(sp => sp.GetRequiredService<GatewayWaits>());
        services.TryAddSingleton<UnrecordedSends>();
        services.AddHostedService<ReceiptPump>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticeOutbox>());
        services.AddHostedService(sp => sp.GetRequiredService<ReplyPump>());
        services.AddHostedService<AcknowledgementRecovery>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ShardJobServer>();
        services.AddHostedService<EngineWarmUp>();
        return services;
    }
}
