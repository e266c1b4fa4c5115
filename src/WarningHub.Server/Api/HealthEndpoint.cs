using Microsoft.AspNetCore.Http;
using WarningHub.Engine.Health;

namespace WarningHub.Server.Api;

/// <summary>GET /health: "ok", or "degraded" (still 200: the hub takes warnings) with every problem.</summary>
internal static class HealthEndpoint
{
    public static async Task<IResult> GetAsync(EngineHealth health, CancellationToken cancellationToken)
    {
        var report = await health.CheckAsync(cancellationToken);
        return Results.Ok(new
        {
            status = report.Status,
            problems = report.Problems.Select(p => new { kind = p.Kind, name = p.Name, problem = p.Problem, since = p.Since }),
        });
    }
}
