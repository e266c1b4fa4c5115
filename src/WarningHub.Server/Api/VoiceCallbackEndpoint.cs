using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Channels.Voice;
using WarningHub.Engine.Acknowledgements;
using CoreOutcome = WarningHub.Core.Acknowledgements.VoiceCallOutcome;

namespace WarningHub.Server.Api;

/// <summary>
/// POST /api/v1/callbacks/voice/{gateway}: a voice gateway reports how a 叫应 call ended. The gateway signs each result
/// with its secret, a timestamp within ±5 minutes and a nonce used once (see <see cref="VoiceCallback"/>); anything
/// else is refused with 401 before the body is read as a result, and nothing is recorded. An authentic result is
/// recorded once per call id (200 either way; <c>recorded</c> says whether it was new); a call id this hub never made
/// is a 404.
/// </summary>
internal static class VoiceCallbackEndpoint
{
    /// <summary>The route under /api/v1.</summary>
    public const string Route = "/callbacks/voice/{gateway}";

    private const int MaxBody = 64 * 1024;

    /// <summary>The path the hub gives a gateway as its callback URL.</summary>
    public static string PathOf(string gateway) => "/api/v1/callbacks/voice/" + Uri.EscapeDataString(gateway);

    public static async Task<IResult> HandleAsync(HttpContext http, string gateway, VoiceCallResults results)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.RequestServices.GetKeyedService<VoiceCallback>(gateway) is not { } callback)
            return Problems.Of(StatusCodes.Status404NotFound, "No such voice gateway", detail: "This hub has no voice gateway of that name.");
        if (http.Request.ContentLength > MaxBody)
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Result too large", detail: $"A call result is at most {MaxBody} bytes.");
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        if (buffer.Length > MaxBody)
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Result too large", detail: $"A call result is at most {MaxBody} bytes.");
        var headers = http.Request.Headers;
        var check = callback.Check(headers[VoiceSignature.TimestampHeader], headers[VoiceSignature.NonceHeader], headers[VoiceSignature.SignatureHeader],
            buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (check.Report is not { } report)
            return Problems.Of(check.StatusCode, check.StatusCode == StatusCodes.Status401Unauthorized ? "Result not authenticated" : "Not a call result", detail: check.Refusal);

        var handled = await results.HandleAsync(gateway, report.CallId, OutcomeOf(report), report.Keypress, report.EndedAt, http.RequestAborted);
        return handled == VoiceResultHandling.UnknownCall
            ? Problems.Of(StatusCodes.Status404NotFound, "No such call", detail: "This hub made no 叫应 call with that id.")
            : Results.Ok(new { recorded = handled == VoiceResultHandling.Recorded });
    }

    /// <summary>The hub's reading of a gateway's report: picked up with 1 is a confirmation, picked up without it is not.</summary>
    internal static CoreOutcome OutcomeOf(VoiceCallReport report) => report.Outcome switch
    {
        VoiceCallOutcome.Answered => report.Confirmed ? CoreOutcome.Confirmed : CoreOutcome.AnsweredWithoutConfirming,
        VoiceCallOutcome.Busy => CoreOutcome.Busy,
        VoiceCallOutcome.NoAnswer => CoreOutcome.NoAnswer,
        VoiceCallOutcome.PoweredOff => CoreOutcome.PoweredOff,
        _ => CoreOutcome.Failed,
    };
}
