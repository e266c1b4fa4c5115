using WarningHub.Abstractions;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Sending;

namespace WarningHub.Engine.Health;

/// <summary>One reason the hub is not fully healthy.</summary>
/// <param name="Kind">"gateway" (cannot take messages) or "release" (a warning's release failed).</param>
/// <param name="Name">The gateway's name or the warning's public id.</param>
/// <param name="Problem">What is wrong, for an operator.</param>
/// <param name="Since">Since when.</param>
public sealed record HealthProblem(string Kind, string Name, string Problem, DateTimeOffset Since);

/// <summary>The hub's health: ok, or degraded with every reason.</summary>
public sealed record HealthReport(IReadOnlyList<HealthProblem> Problems)
{
    public bool IsHealthy => Problems.Count == 0;

    public string Status => IsHealthy ? "ok" : "degraded";
}

/// <summary>
/// What /health reports: every gateway that cannot take messages (whether or not anything waits for it, so a wrong
/// password shows before the first warning), and every warning whose release failed.
/// </summary>
public sealed class EngineHealth(IEnumerable<IGatewayHealth> gateways, ChannelRouter router, IWarningStore warnings)
{
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var problems = new List<HealthProblem>();
        foreach (var gateway in gateways)
        {
            var health = gateway.Health;
            if (!health.IsUp) problems.Add(new HealthProblem("gateway", gateway.Definition.Name, health.Problem ?? "no connection", health.Since));
        }
        foreach (var failed in await warnings.ListFailedAsync(cancellationToken))
            problems.Add(new HealthProblem("release", failed.PublicId, failed.Failure ?? "release failed", failed.EndedAt ?? failed.ReceivedAt));
        return new HealthReport(problems);
    }

    /// <summary>The gateways of <paramref name="channel"/> that are down, for a warning's status.</summary>
    public IEnumerable<(string Gateway, GatewayHealth Health)> DownFor(string channel) =>
        router.AdaptersFor(channel).OfType<IGatewayHealth>().Where(g => !g.Health.IsUp).Select(g => (g.Definition.Name, g.Health));
}
