using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;
using WarningHub.Core.Cap;
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
    TimeProvider time,
    WarningContent content,
    ILogger<WarmUpJob> logger,
    IServiceScopeFactory scopes,
    ShardPayloadFactory payloads)
{
    /// <summary>A warning of the hub's own, never stored or sent: its text is rendered once per channel to warm the path.</summary>
    private const string RehearsalCap = """
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>warninghub-warm-up</identifier><sender>warm-up@warninghub</sender><sent>2026-01-01T00:00:00+08:00</sent><status>Exercise</status><msgType>Alert</msgType><scope>Public</scope><info><language>zh-CN</language><category>Met</category><event>暴雨</event><urgency>Immediate</urgency><severity>Extreme</severity><certainty>Likely</certainty><headline>暴雨红色预警</headline><description>预热</description><instruction>预热</instruction><area><areaDesc>预热</areaDesc></area></info></alert>
        """;

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
            await RehearseSendAsync(cancellationToken);
            // The fast lane resolves a ShardRunner (and its graph) in a scope of its own: built once here, not on the first send.
            await using (var scope = scopes.CreateAsyncScope()) _ = scope.ServiceProvider.GetRequiredService<ShardRunner>();
            foreach (var adapter in router.Adapters.OfType<IWarmUp>()) await adapter.WarmUpAsync(cancellationToken);
        }
        finally
        {
            signal.Done();
        }
    }

    /// <summary>
    /// The first send of a warning renders its text and fields from the stored CAP, hands the slot to its adapter and
    /// marks it written in the journal: on a cold hub that first use took 30-40 ms of the first send's path. Here a
    /// warning of the hub's own (id 0, rendered and not cached) goes that way into a sink that sends nothing; its
    /// journal mark names slot 0, which never exists, so nothing is changed.
    /// </summary>
    private async Task RehearseSendAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow();
            var warning = new WarningRecord
            {
                PublicId = "",
                Sender = "warm-up@warninghub",
                Identifier = "warninghub-warm-up",
                Fingerprint = "",
                CapStatus = CapStatus.Exercise,
                MsgType = CapMsgType.Alert,
                Event = "暴雨",
                Level = WarningLevel.Red,
                Headline = "暴雨红色预警",
                Sent = now,
                Effective = now,
                Expires = now,
                ReceivedAt = now,
                SubmittedBy = "warm-up",
                CapXml = RehearsalCap,
                State = WarningState.Released,
            };
            foreach (var channel in router.Adapters.Where(a => a is ITextSender).Select(a => a.Definition.Channel).Distinct(StringComparer.Ordinal))
            {
                _ = content.TextFor(warning, channel);
            }
            _ = content.FieldsFor(warning);
            var sink = new RehearsalSink();
            if (await payloads.CreateAsync(sink, warning, Core.Planning.Channels.Sms, cancellationToken) is { } payload)
            {
                _ = await payload.SendAsync(sink, new LedgerSlot(0, 0, "13800000000", 0, 1, DeliveryStatus.Sending, 1, false), null, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "The warm-up could not rehearse a send; the first warning may be slower to leave");
        }
    }

    /// <summary>An adapter that sends nothing: it records the write as a real one does, then answers accepted.</summary>
    private sealed class RehearsalSink : ITextSender
    {
        public ChannelDefinition Definition { get; } = new("warm-up", Core.Planning.Channels.Sms, 1000, SupportsReceipts: false, MaxInFlight: 1) { ReportsWrites = true };

        public async ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken)
        {
            if (message.BeforeWrite is { } beforeWrite) await beforeWrite(cancellationToken);
            return DeliveryResult.Accepted(["warm-up"]);
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
