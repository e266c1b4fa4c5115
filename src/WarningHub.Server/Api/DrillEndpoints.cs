using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Cap;
using WarningHub.Core.Drills;
using WarningHub.Core.Ledger;
using WarningHub.Core.Reach;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Reach;
using WarningHub.Engine.Release;
using WarningHub.Engine.Shared;
using WarningHub.Server.Security;

namespace WarningHub.Server.Api;

/// <summary>
/// Drills (演练): POST /api/v1/drills (an administrator authorises an area and a time window), GET /api/v1/drills, and
/// GET /api/v1/warnings/{id}/drill-report. An Exercise inside an authorised drill reaches the area's real population
/// (<see cref="WarningRouting"/>); outside, test recipients only.
/// </summary>
internal static class DrillEndpoints
{
    /// <summary>The longest window one authorisation may open.</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(7);

    public static async Task<Results<Created<DrillJson>, ProblemHttpResult>> AddAsync(DrillRequest? request, ClaimsPrincipal user, IDrillStore drills,
        RegistryHolder registry, TimeProvider time, CancellationToken cancellationToken)
    {
        var administrator = user.UserOf() ?? throw new InvalidOperationException("POST /api/v1/drills is mapped without the administrator policy.");
        if (!registry.IsLoaded) return Problems.Of(StatusCodes.Status503ServiceUnavailable, "No registry loaded");
        var problems = new List<CapProblem>();
        var areas = new List<string>();
        if (request?.Areas is not { Count: > 0 }) problems.Add(new CapProblem("areas", "name at least one division code (county, town or village)"));
        foreach (var (code, i) in (request?.Areas ?? []).Select((c, i) => (c, i)))
        {
            if (AreaProblem(code, registry.Current) is { } reason) problems.Add(new CapProblem($"areas[{i}]", reason));
            else areas.Add(DivisionCode.GetPrefix(code));
        }
        var now = time.GetUtcNow();
        if (request?.From is not { } from) problems.Add(new CapProblem("from", "is required (ISO 8601 with an offset)"));
        if (request?.To is not { } to) problems.Add(new CapProblem("to", "is required (ISO 8601 with an offset)"));
        else if (to <= now) problems.Add(new CapProblem("to", "has passed: a drill is authorised before it runs"));
        if (request?.From is { } f && request.To is { } t)
        {
            if (t <= f) problems.Add(new CapProblem("to", "must be after from"));
            else if (t - f > LongestWindow) problems.Add(new CapProblem("to", $"the window may be at most {LongestWindow.TotalDays} days"));
        }
        if (problems.Count > 0) return Problems.Of(StatusCodes.Status400BadRequest, "Invalid drill", problems);
        var drill = await drills.AddAsync(new Drill(0, areas, request!.From!.Value, request.To!.Value, administrator, now), cancellationToken);
        return TypedResults.Created($"/api/v1/drills/{drill.Id}", DrillJson.Of(drill));
    }

    public static async Task<Ok<List<DrillJson>>> ListAsync(IDrillStore drills, CancellationToken cancellationToken) =>
        TypedResults.Ok((await drills.ListAsync(cancellationToken)).Select(DrillJson.Of).ToList());

    public static async Task<Results<Ok<DrillReportJson>, ProblemHttpResult>> ReportAsync(string id, ClaimsPrincipal user, IAuthorizationService authorization,
        IWarningStore warnings, IDeliveryTimeline timeline, IAcknowledgementStore acknowledgements, IHouseholdMarks marks, WarningReach reach,
        WarningRouting routing, RegistryHolder registry, CancellationToken cancellationToken)
    {
        if (await WarningQueries.ReadableAsync(id, user, authorization, warnings, cancellationToken) is not { } w)
            return Problems.Of(StatusCodes.Status404NotFound, "No such warning", detail: $"No warning has the id '{id}'.");
        if (!registry.IsLoaded) return Problems.Of(StatusCodes.Status503ServiceUnavailable, "No registry loaded");
        var released = w.ReleasedAt;
        var channels = new SortedDictionary<string, DrillChannelJson>(StringComparer.Ordinal);
        foreach (var c in await timeline.OfWarningAsync(w.Id, cancellationToken))
        {
            channels[c.Channel] = new DrillChannelJson(c.Planned, c.DeliveredAt.Count, Seconds(c.FirstSentAt, released),
                Seconds(Reached(c, 0.5), released), Seconds(Reached(c, 0.95), released));
        }
        var calls = await acknowledgements.OfWarningAsync(w.Id, cancellationToken);
        var answers = calls.Where(a => a.AnsweredAt is not null).Select(a => Math.Round((a.AnsweredAt!.Value - a.SentAt).TotalSeconds, 1)).Order().ToList();
        var drill = released is { } at ? await routing.DrillOfAsync(w, at, cancellationToken) : null;
        var county = (await reach.ReportAsync(w, cancellationToken)).County;
        var marked = (await marks.OfWarningAsync(w.Id, null, cancellationToken)).Select(m => m.HouseholdId).Distinct().Count();
        var unreached = (await reach.UnreachedAsync(w, null, null, cancellationToken)).Count;
        return TypedResults.Ok(new DrillReportJson(w.PublicId, w.CapStatus.ToString(), drill?.Id, released, channels, AcknowledgementSummary.Of(calls), answers,
            new DoorToDoorClosureJson(county.Households.Targeted, county.Households.Reached, marked, unreached)));
    }

    /// <summary>Why a code is not an area a drill may name, or null when it is the county, one of its towns or villages.</summary>
    /// <param name="code">The code as given.</param>
    /// <param name="county">The loaded registry.</param>
    internal static string? AreaProblem(string? code, CountyRegistry county)
    {
        if (!DivisionCode.TryGetPrefix(code, out var prefix) || prefix.Length < 6)
            return $"'{code}' is not a division code of a county, town or village (6, 9 or 12 digits)";
        if (!prefix.StartsWith(DivisionCode.GetPrefix(county.County.Code), StringComparison.Ordinal) || county.VillagesUnder(prefix).Count == 0)
            return $"'{code}' is not {county.County.Name} or one of its towns or villages";
        return null;
    }

    /// <summary>When the share <paramref name="q"/> of the channel's recipients had their receipt; null until then.</summary>
    private static DateTimeOffset? Reached(ChannelTimeline channel, double q)
    {
        if (channel.Planned == 0) return null;
        var needed = Math.Max(1, (int)Math.Ceiling(q * channel.Planned));
        return channel.DeliveredAt.Count >= needed ? channel.DeliveredAt[needed - 1] : null;
    }

    private static double? Seconds(DateTimeOffset? at, DateTimeOffset? from) =>
        at is { } a && from is { } f ? Math.Round(Math.Max(0, (a - f).TotalSeconds), 1) : null;
}
