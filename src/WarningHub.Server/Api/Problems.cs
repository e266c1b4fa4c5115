using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WarningHub.Core.Cap;

namespace WarningHub.Server.Api;

/// <summary>application/problem+json answers that name the field and the reason.</summary>
internal static class Problems
{
    public static ProblemHttpResult Of(int status, string title, IEnumerable<CapProblem>? problems = null, string? detail = null)
    {
        var errors = problems?.Select(p => new { field = p.Path, reason = p.Reason }).ToList();
        var extensions = new Dictionary<string, object?>();
        if (errors is { Count: > 0 }) extensions["errors"] = errors;
        return TypedResults.Problem(
            detail: detail ?? (errors is { Count: > 0 } ? string.Join("; ", errors.Select(e => $"{e.field}: {e.reason}")) : null),
            statusCode: status,
            title: title,
            extensions: extensions);
    }
}
