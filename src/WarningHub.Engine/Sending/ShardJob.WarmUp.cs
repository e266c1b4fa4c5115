using WarningHub.Abstractions;
using WarningHub.Core.Geo;
using WarningHub.Core.Ledger;
using WarningHub.Core.Planning;

namespace WarningHub.Engine.Sending;

public sealed partial class ShardJob
{
    /// <summary>
    /// Runs at start-up as a Hangfire job of its own (see <see cref="Hosting.EngineWarmUp"/>): the job client's
    /// serializer, the worker's fetch, the activator building a ShardJob, the ledger's shard read and claim, and each
    /// adapter's send path all run once, so the first warning after a start sends as fast as the hundredth.
    /// It claims an empty range of slots, rehearses the ledger's writes in a transaction that is rolled back, plans
    /// the county for its test recipients without keeping the plan, and sends nothing.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
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
            warmUp.Done();
        }
    }
}
