using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Acknowledgements;
using WarningHub.Engine.Shared;

namespace WarningHub.Server.Api;

/// <summary>GET /api/v1/warnings/{id}/acknowledgements, read like the warning itself (the submitting agency, or operators).</summary>
internal static class AcknowledgementQueries
{
    public static async Task<Results<Ok<AcknowledgementsResponse>, ProblemHttpResult>> GetAsync(string id, ClaimsPrincipal user,
        IAuthorizationService authorization, IWarningStore warnings, IAcknowledgementStore acknowledgements, AcknowledgementCalls calls,
        RegistryHolder registry, IVoiceCallStore voiceCalls, CancellationToken cancellationToken)
    {
        if (await WarningQueries.ReadableAsync(id, user, authorization, warnings, cancellationToken) is not { } w)
            return Problems.Of(StatusCodes.Status404NotFound, "No such warning", detail: $"No warning has the id '{id}'.");
        var list = await acknowledgements.OfWarningAsync(w.Id, cancellationToken);
        var county = registry.IsLoaded ? registry.Current : null;
        var voice = await voiceCalls.OfWarningAsync(w.Id, cancellationToken);
        var officers = list.Select(a => OfficerAcknowledgement.Of(a, county, voice)).ToList();
        var summary = AcknowledgementSummary.Of(list);
        var deadline = list.Count > 0 ? list[0].Deadline : calls.Deadline(w);
        return TypedResults.Ok(new AcknowledgementsResponse(w.PublicId, w.CapStatus.ToString(), list.Count > 0 || calls.Deadline(w) is not null,
            deadline?.ToString("c", CultureInfo.InvariantCulture), summary, officers));
    }
}
