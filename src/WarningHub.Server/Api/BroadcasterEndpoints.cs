using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WarningHub.Abstractions;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Ledger;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Shared;
using WarningHub.Engine.Sending;

namespace WarningHub.Server.Api;

/// <summary>
/// What a village broadcaster's link opens: a page that plays the bulletin, the WAV itself, and the "played"
/// confirmation. The link is signed (see <see cref="BroadcastLinks"/>); a wrong or altered link is a 404.
/// </summary>
internal static class BroadcasterEndpoints
{
    /// <summary>
    /// Read on village phones, 360 px wide and less: the viewport is the device's, and the text keeps
    /// <see cref="SidePadding"/> from each edge however narrow the screen. Long words wrap rather than overflow.
    /// </summary>
    public const string SidePadding = "16px";

    internal const string Head = "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>"
        + "*,*::before,*::after{box-sizing:border-box}"
        + "body{font-family:sans-serif;line-height:1.5;max-width:40em;margin:0 auto;padding:1em " + SidePadding + ";overflow-wrap:anywhere}"
        + "h1{font-size:1.3em}.mark{color:#b00;font-weight:bold}audio{width:100%}"
        + "button{font-size:1.4em;margin-top:1em;padding:.4em 1em;max-width:100%}.done{font-size:1.4em}"
        + "</style>";

    public static async Task<IResult> PageAsync(string id, string village, string token, BroadcastLinks links, IWarningStore warnings, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, village, token, links, warnings, cancellationToken) is not { } warning) return NotFound();
        var path = links.PathOf(id, village);
        var title = WebUtility.HtmlEncode(warning.Headline);
        var marker = warning.IsForTestRecipientsOnly ? "<p class=mark>演练/测试，非真实预警</p>" : "";
        var html = $$"""
            <!doctype html><html lang="zh-CN"><head>{{Head}}<title>{{title}}</title></head><body>
            {{marker}}<h1>{{title}}</h1>
            <p>请用村广播播放以下预警录音，播放完毕后点击"已播放"。</p>
            <audio controls preload="auto" src="{{path}}/audio.wav"></audio>
            <form method="post" action="{{path}}/played"><button>已播放 Played</button></form>
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    public static async Task<IResult> AudioAsync(string id, string village, string token, BroadcastLinks links, IWarningStore warnings,
        IEnumerable<IBulletinSource> bulletins, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, village, token, links, warnings, cancellationToken) is not { } warning) return NotFound();
        var source = bulletins.FirstOrDefault();
        if (source is null) return Problems.Of(StatusCodes.Status503ServiceUnavailable, "No audio", detail: "This hub makes no bulletins (no audio module configured).");
        var bulletin = await source.BulletinAsync(warning, cancellationToken);
        return bulletin.Clip.TryGet(AudioFormat.WavPcm16k, out var wav)
            ? Results.Bytes(wav.ToArray(), "audio/wav", $"{warning.PublicId}.wav")
            : Problems.Of(StatusCodes.Status503ServiceUnavailable, "No WAV", detail: "The bulletin has no WAV encoding.");
    }

    public static async Task<IResult> PlayedAsync(HttpContext http, string id, string village, string token, BroadcastLinks links, IWarningStore warnings,
        ILedgerMaintenance ledger, IBroadcastConfirmations confirmations, IAcknowledgementStore acknowledgements, RegistryHolder registry,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, village, token, links, warnings, cancellationToken) is not { } warning) return NotFound();
        var round = await ledger.LastRoundAsync(warning.Id, cancellationToken);
        var code = long.Parse(village, CultureInfo.InvariantCulture);
        var now = time.GetUtcNow();
        var recorded = await confirmations.RecordAsync(new BroadcastConfirmation(warning.Id, code, round, now), cancellationToken);
        // "Played" is the broadcaster's answer to a 叫应 call, when the broadcaster is called for this village.
        var broadcasters = registry.Endpoints.OfficersOf(village).Where(o => o.Role == OfficerRole.Broadcaster).Select(o => o.Id).ToList();
        if (broadcasters.Count > 0) await acknowledgements.AnswerAsync(warning.Id, broadcasters, AcknowledgementMethod.Played, now, cancellationToken);
        var wantsJson = http.Request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase);
        return wantsJson
            ? Results.Ok(new { warningId = warning.PublicId, village, round, recorded })
            : Results.Content($"<!doctype html><html lang=\"zh-CN\"><head>{Head}</head><body><p class=done>已确认播放，谢谢！Confirmed, thank you.</p></body></html>",
                "text/html; charset=utf-8");
    }

    private static async Task<WarningRecord?> FindAsync(string id, string village, string token, BroadcastLinks links, IWarningStore warnings, CancellationToken cancellationToken)
    {
        if (village.Length != 12 || !village.All(char.IsAsciiDigit) || !links.IsValid(id, village, token)) return null;
        return await warnings.GetAsync(id, cancellationToken);
    }

    private static ProblemHttpResult NotFound() => Problems.Of(StatusCodes.Status404NotFound, "No such link", detail: "The link is not valid.");
}
