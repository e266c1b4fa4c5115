using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Acknowledgements;

namespace WarningHub.Server.Api;

/// <summary>
/// What an officer's 叫应 link opens: a zh-CN page with a 收到 button, readable on a 360-px phone with no external
/// assets, and the POST that answers the call. The link is signed (see <see cref="AcknowledgementLinks"/>); a wrong or
/// altered link, or an officer the warning did not call, is a 404. After the warning ended the page says so and takes
/// no answer; like a cadre's door-to-door link, the link opens until <see cref="AcknowledgementLinks.ValidUntil"/> (the
/// warning's expiry plus 24 h) and is a 410 after.
/// </summary>
internal static class OfficerAckEndpoints
{
    public static async Task<IResult> PageAsync(string id, long officer, string token, AcknowledgementLinks links, IWarningStore warnings,
        IAcknowledgementStore acknowledgements, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, officer, token, links, warnings, acknowledgements, cancellationToken) is not var (warning, call)) return NotFound();
        if (Expired(warning, time)) return Gone();
        var title = WebUtility.HtmlEncode(warning.Headline);
        var marker = warning.IsForTestRecipientsOnly ? "<p class=mark>演练/测试，非真实预警</p>" : "";
        var body = call.AnsweredAt is { } at
            ? $"<p class=done>您已于{Beijing(at)}确认收到，谢谢！</p>"
            : !IsOpen(warning)
                ? "<p class=done>该预警已结束（解除或过期），无需再确认。</p>"
                : $"""<form method="post" action="{links.PathOf(id, officer)}/received"><button>收到</button></form>""";
        var html = $$"""
            <!doctype html><html lang="zh-CN"><head>{{BroadcasterEndpoints.Head}}<title>叫应：{{title}}</title></head><body>
            {{marker}}<h1>{{title}}</h1>
            <p>{{WebUtility.HtmlEncode(call.Name)}}，您是本区域的预警责任人。请确认已收到此预警，并按预案组织群众防范、转移。</p>
            {{body}}
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    public static async Task<IResult> ReceivedAsync(HttpContext http, string id, long officer, string token, AcknowledgementLinks links,
        IWarningStore warnings, IAcknowledgementStore acknowledgements, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (await FindAsync(id, officer, token, links, warnings, acknowledgements, cancellationToken) is not var (warning, call)) return NotFound();
        if (Expired(warning, time)) return Gone();
        if (!IsOpen(warning) && call.AnsweredAt is null)
            return Problems.Of(StatusCodes.Status409Conflict, "Warning ended", detail: "The warning has ended; no answer is taken.");
        var answered = await acknowledgements.AnswerAsync(warning.Id, [officer], AcknowledgementMethod.Link, time.GetUtcNow(), cancellationToken);
        var at = answered.Count > 0 ? answered[0].AnsweredAt!.Value : call.AnsweredAt!.Value;
        var wantsJson = http.Request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase);
        return wantsJson
            ? Results.Ok(new { warningId = warning.PublicId, officerId = officer, answeredAt = at, recorded = answered.Count > 0 })
            : Results.Content($"<!doctype html><html lang=\"zh-CN\"><head>{BroadcasterEndpoints.Head}</head><body><p class=done>已确认收到（{Beijing(at)}），谢谢！</p></body></html>",
                "text/html; charset=utf-8");
    }

    private static async Task<(WarningRecord Warning, Acknowledgement Call)?> FindAsync(string id, long officer, string token, AcknowledgementLinks links,
        IWarningStore warnings, IAcknowledgementStore acknowledgements, CancellationToken cancellationToken)
    {
        if (officer <= 0 || token.Length != 16 || !links.IsValid(id, officer, token)) return null;
        if (await warnings.GetAsync(id, cancellationToken) is not { } warning) return null;
        var call = (await acknowledgements.OfWarningAsync(warning.Id, cancellationToken)).FirstOrDefault(a => a.OfficerId == officer);
        return call is null ? null : (warning, call);
    }

    private static string Beijing(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static bool Expired(WarningRecord warning, TimeProvider time) =>
        AcknowledgementLinks.ValidUntil(warning) is { } until && time.GetUtcNow() > until;

    private static IResult Gone() =>
        Results.Content($"<!doctype html><html lang=\"zh-CN\"><head>{BroadcasterEndpoints.Head}<title>叫应</title></head><body><p class=done>链接已过期。</p></body></html>",
            "text/html; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status410Gone);

    private static ProblemHttpResult NotFound() => Problems.Of(StatusCodes.Status404NotFound, "No such link", detail: "The link is not valid.");

    /// <summary>A call takes its answer while its warning is being released (the calls leave with the release) or released.</summary>
    private static bool IsOpen(WarningRecord warning) => warning.State is WarningState.Releasing or WarningState.Released;
}
