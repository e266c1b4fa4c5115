using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WarningHub.Engine.Intake;
using WarningHub.Engine.Release;
using WarningHub.Engine.Shared;
using WarningHub.Server.Configuration;
using WarningHub.Server.Security;
using WarningHub.Server.Signatures;

namespace WarningHub.Server.Api;

/// <summary>
/// POST /api/v1/warnings/preview: the same body, authentication and checks as POST /api/v1/warnings, and an answer of
/// who would get the warning on which channel, with a forecast. Stores nothing, sends nothing, audits nothing.
/// </summary>
internal static class WarningPreviewEndpoint
{
    public static async Task<Results<Ok<PreviewResponse>, ProblemHttpResult>> PostAsync(HttpContext http, WarningIntake intake, ReleasePreview preview,
        IOptions<HubOptions> options, CapSignatures signatures, RegistryHolder registry, TimeProvider time, CancellationToken cancellationToken)
    {
        var read = await WarningSubmission.ReadAsync(http, options, signatures, registry, cancellationToken);
        if (read.Problem is { } problem) return problem;
        var result = await intake.CheckAsync(read.Alert!, read.Agency!, http.User.UserOf(), cancellationToken, read.Received);
        if (result.Outcome != IntakeOutcome.Accepted)
        {
            return result.Outcome switch
            {
                IntakeOutcome.Unavailable => Problems.Of(StatusCodes.Status503ServiceUnavailable, "Hub not ready", result.Problems),
                IntakeOutcome.Forbidden => Problems.Of(StatusCodes.Status403Forbidden, "Not allowed", result.Problems),
                _ => Problems.Of(StatusCodes.Status400BadRequest, "Invalid warning", result.Problems),
            };
        }
        // A preview has no id of its own; links in its texts are as long as a real one's.
        var now = time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var warning = result.Warning! with { Id = 0, PublicId = "W" + now.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-000000" };
        var answer = await preview.PreviewAsync(warning, cancellationToken);
        return TypedResults.Ok(new PreviewResponse(answer.Rule, answer.Audiences, answer.ChannelsOff, answer.Drill, answer.PersonsTargeted,
            warning.ApproversRequired, answer.Channels, answer.Forecast, answer.FollowUp));
    }
}

/// <summary>The answer of POST /api/v1/warnings/preview.</summary>
/// <param name="Rule">The release policy rule that matched.</param>
/// <param name="Audiences">Its audiences.</param>
/// <param name="ChannelsOff">Channels the CAP keeps off.</param>
/// <param name="Drill">The authorised drill an Exercise falls in; null otherwise.</param>
/// <param name="PersonsTargeted">Persons of the public targeted.</param>
/// <param name="ApproversRequired">Approvers needed before release.</param>
/// <param name="Channels">Per channel: recipients, SMS parts, forecast.</param>
/// <param name="Forecast">The forecast and what it was computed from.</param>
/// <param name="FollowUp">An Update's or a Cancel's recipients per channel that an earlier warning reached beyond its own area (in Channels too).</param>
internal sealed record PreviewResponse(string Rule, IReadOnlyList<string> Audiences, IReadOnlyList<string> ChannelsOff, long? Drill,
    int PersonsTargeted, int ApproversRequired, IReadOnlyDictionary<string, ChannelPreview> Channels, ReleaseForecast Forecast,
    IReadOnlyDictionary<string, int> FollowUp);
