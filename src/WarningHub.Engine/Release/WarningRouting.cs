using WarningHub.Core.Cap;
using WarningHub.Core.Drills;
using WarningHub.Core.Planning;
using WarningHub.Core.Planning.Policy;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Sending;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Release;

/// <summary>
/// Who gets a warning on which channel: the release policy's rule for its event and level, the channels its CAP keeps
/// off (<see cref="ChannelsOff"/>), the channels some adapter serves, and the area (a drill's Exercise reaches the
/// area's real population). The one place a plan is made from, for a release, a repeat and a preview alike.
/// </summary>
public sealed class WarningRouting(ReleasePolicy policy, ChannelRouter router, RegistryHolder registry, Microsoft.Extensions.Options.IOptions<EngineOptions> options,
    IDrillStore? drills = null)
{
    /// <summary>The policy rule for a warning's event and level.</summary>
    /// <param name="warning">The stored (or previewed) warning.</param>
    public PolicyDecision DecisionFor(WarningRecord warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return policy.For(warning.Event, warning.Level);
    }

    /// <summary>
    /// Whom the warning targets when released at <paramref name="at"/>: test recipients only for a Test, or for an
    /// Exercise outside every authorised drill; an Exercise inside one reaches the area's real population.
    /// </summary>
    /// <param name="warning">The warning.</param>
    /// <param name="at">Its release time.</param>
    /// <param name="cancellationToken">Ends the wait for the drill store.</param>
    public async Task<PlanTarget> TargetOfAsync(WarningRecord warning, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var target = WarningContent.TargetOf(warning);
        return target.TestRecipientsOnly && await DrillOfAsync(warning, at, cancellationToken) is not null ? target with { TestRecipientsOnly = false } : target;
    }

    /// <summary>
    /// The persons a released warning targeted, whom reach counts: its area's (test recipients only unless a drill
    /// opened it), or nobody when its rule leaves the public out.
    /// </summary>
    /// <param name="warning">The released warning.</param>
    /// <param name="cancellationToken">Ends the wait for the drill store.</param>
    public async Task<PlanTarget> PersonsTargetedAsync(WarningRecord warning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        if (warning.MsgType == CapMsgType.Cancel || !DecisionFor(warning).IncludesPublic) return PlanTarget.Nobody;
        return await TargetOfAsync(warning, warning.ReleasedAt ?? warning.Effective, cancellationToken);
    }

    /// <summary>
    /// The authorised drill an Exercise falls in: every village of its area inside the drill's area, and
    /// <paramref name="at"/> inside its window; null for any other warning.
    /// </summary>
    /// <param name="warning">The warning.</param>
    /// <param name="at">Its release time.</param>
    /// <param name="cancellationToken">Ends the wait for the drill store.</param>
    public async Task<Drill?> DrillOfAsync(WarningRecord warning, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        if (drills is null || warning.CapStatus != CapStatus.Exercise || warning.MsgType == CapMsgType.Cancel || !registry.IsLoaded) return null;
        var open = (await drills.ListAsync(cancellationToken)).Where(d => d.IsOpenAt(at)).ToList();
        if (open.Count == 0) return null;
        var villages = WarningPlanner.VillagesOf(WarningContent.TargetOf(warning), registry.Current);
        if (villages.Count == 0) return null;
        return open.FirstOrDefault(d => villages.All(d.Contains));
    }

    /// <summary>The channels the planner may use for a warning: served, allowed by its rule and not kept off by its CAP.</summary>
    /// <param name="warning">The warning.</param>
    /// <param name="decision">Its policy rule.</param>
    public PlanChannels ChannelsFor(WarningRecord warning, PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(warning);
        ArgumentNullException.ThrowIfNull(decision);
        var served = router.PlanChannels();
        var off = ChannelsOff.Of(WarningContent.Alert(warning));
        var allowed = served.Served.Where(c => decision.Allows(c) && !off.Contains(c)).ToHashSet(StringComparer.Ordinal);
        return served with { Served = allowed, SmsToOfficers = !decision.IncludesPublic && decision.Audiences.Contains(Audiences.Officers) };
    }

    /// <summary>The plan of a warning's first round (nobody for a Cancel: its all-clear follows the warnings it ends).</summary>
    /// <param name="warning">The warning; its <see cref="WarningRecord.Id"/> keys the plan.</param>
    /// <param name="at">Its release time (drills are authorised for a time window).</param>
    /// <param name="cancellationToken">Ends the wait for the drill store.</param>
    public async Task<WarningPlan> PlanAsync(WarningRecord warning, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var decision = DecisionFor(warning);
        var target = warning.MsgType == CapMsgType.Cancel ? PlanTarget.Nobody : await TargetOfAsync(warning, at, cancellationToken);
        return WarningPlanner.Plan(warning.Id, target, registry.Current, registry.Endpoints, ChannelsFor(warning, decision), options.Value.ShardSize);
    }

    /// <summary>
    /// A repeat round's plan: the repeated channels only (<see cref="EngineOptions.RepeatChannels"/>) of those the warning
    /// may use, for the area it was released to.
    /// </summary>
    /// <param name="warning">The released warning.</param>
    /// <param name="round">The round's number (1 for the first repeat).</param>
    /// <param name="cancellationToken">Ends the wait for the drill store.</param>
    public async Task<WarningPlan> RepeatPlanAsync(WarningRecord warning, int round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var repeatable = options.Value.RepeatChannels.ToHashSet(StringComparer.Ordinal);
        var channels = ChannelsFor(warning, DecisionFor(warning));
        channels = channels with { Served = channels.Served.Where(repeatable.Contains).ToHashSet(StringComparer.Ordinal) };
        if (channels.Served.Count == 0) return new WarningPlan(warning.Id, [], []);
        var plan = WarningPlanner.Plan(warning.Id, await TargetOfAsync(warning, warning.ReleasedAt ?? warning.Effective, cancellationToken), registry.Current, registry.Endpoints, channels, options.Value.ShardSize);
        return plan with { Channels = plan.Channels.Where(c => repeatable.Contains(c.Channel)).Select(c => c with { Round = round }).ToList(), Targets = [] };
    }

    /// <summary>How often and until when the bulletin repeats: the rule's repeats, else the engine's <c>RepeatEvery</c> for the level; null for none.</summary>
    /// <param name="warning">The released warning.</param>
    /// <param name="releasedAt">When it was released.</param>
    /// <param name="expires">When it ends.</param>
    public (TimeSpan Every, DateTimeOffset Until)? RepeatsOf(WarningRecord warning, DateTimeOffset releasedAt, DateTimeOffset expires)
    {
        ArgumentNullException.ThrowIfNull(warning);
        if (!WarningLifecycle.Repeats(warning)) return null;
        var decision = DecisionFor(warning);
        if (decision.NoRepeats) return null;
        if (decision.Repeat is { } repeat)
        {
            // The trigger ends half an interval after the last repeat, so a late clock tick still plays it.
            var until = repeat.Count is { } count ? Min(expires, releasedAt + (repeat.Every * count) + (repeat.Every / 2)) : expires;
            return (repeat.Every, until);
        }
        return warning.Level is { } level && options.Value.RepeatEvery.TryGetValue(level.ToString(), out var every) ? (every, expires) : null;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
