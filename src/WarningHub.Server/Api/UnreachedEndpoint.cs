using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WarningHub.Core.Cap;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Reach;
using WarningHub.Engine.Shared;

namespace WarningHub.Server.Api;

/// <summary>
/// GET /api/v1/warnings/{id}/unreached?village=CODE&amp;format=json|csv|xlsx: the households and persons that no
/// channel reached yet, for the door-to-door follow-up (到户到人). Read like the warning itself: an agency reads its own.
/// </summary>
internal static class UnreachedEndpoint
{
    public static readonly string[] Formats = ["json", "csv", "xlsx"];
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<Results<Ok<UnreachedResponse>, FileContentHttpResult, ProblemHttpResult>> GetAsync(string id, string? village, string? format,
        ClaimsPrincipal user, IAuthorizationService authorization, IWarningStore warnings, RegistryHolder registry, WarningReach reach,
        CancellationToken cancellationToken)
    {
        var problems = new List<CapProblem>();
        format = string.IsNullOrEmpty(format) ? "json" : format.ToLowerInvariant();
        if (!Formats.Contains(format)) problems.Add(new CapProblem("format", $"'{Shorten(format)}' is not json, csv or xlsx"));
        if (!registry.IsLoaded) return Problems.Of(StatusCodes.Status503ServiceUnavailable, "No registry loaded");
        if (village is not null && VillageProblem(village, registry.Current) is { } reason) problems.Add(new CapProblem("village", reason));
        if (problems.Count > 0) return Problems.Of(StatusCodes.Status400BadRequest, "Invalid query", problems);
        if (await WarningQueries.ReadableAsync(id, user, authorization, warnings, cancellationToken) is not { } w)
            return Problems.Of(StatusCodes.Status404NotFound, "No such warning", detail: $"No warning has the id '{id}'.");

        var list = await reach.UnreachedAsync(w, village, null, cancellationToken);
        var name = $"{w.PublicId}-unreached{(village is null ? "" : "-" + village)}";
        return format switch
        {
            "csv" => TypedResults.File(UnreachedExport.Csv(list), "text/csv; charset=utf-8", name + ".csv"),
            "xlsx" => TypedResults.File(UnreachedExport.Xlsx(list), XlsxMediaType, name + ".xlsx"),
            _ => TypedResults.Ok(new UnreachedResponse(w.PublicId, village, list.Count, list.Sum(h => h.Persons.Count),
                [.. list.Select(UnreachedHouseholdJson.Of)])),
        };
    }

    /// <summary>Why a village code is not one of the registry's villages, or null.</summary>
    public static string? VillageProblem(string village, CountyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(village);
        if (village.Length != 12 || !village.All(char.IsAsciiDigit)) return $"'{Shorten(village)}' is not a 12-digit village code";
        return registry.FindRegion(village) is { Level: RegionLevel.Village } ? null : $"{village} is no village of the loaded registry";
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
