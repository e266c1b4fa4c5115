using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using WarningHub.Core.Reach;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Reach;
using WarningHub.Engine.Shared;

namespace WarningHub.Server.Api;

/// <summary>
/// The village cadre's door-to-door page (入户通知), opened from a signed SMS link on a phone: the households no channel
/// reached yet, and per household one tap for 已当面通知, 已电话通知, 已转移, 外出无人 or 拒绝转移. Plain HTML forms, no
/// script and no external assets, so it works on a slow link and an old phone; each load stays far under 100 KB
/// (<see cref="HouseholdsPerPage"/> households, then a link to the next page). A wrong link is a 404; after the
/// warning's expiry plus a day it is a 410; after a Cancel the page says so and takes no marks.
/// </summary>
internal static class CadreEndpoints
{
    public const int HouseholdsPerPage = 25;

    private const string Head = "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>"
        + "*,*::before,*::after{box-sizing:border-box}"
        + "body{font-family:sans-serif;line-height:1.45;max-width:40em;margin:0 auto;padding:.5em " + BroadcasterEndpoints.SidePadding + ";overflow-wrap:anywhere}"
        + "h1{font-size:1.2em;margin:.3em 0}.mark{color:#b00;font-weight:bold}.sum{background:#fff3cd;padding:.4em}"
        + "ol{list-style:none;padding:0}li{border-top:1px solid #ccc;padding:.5em 0}.who{font-size:1.1em;font-weight:bold}"
        + ".why{color:#a40}.done{color:#555;font-size:.9em}form{display:flex;flex-wrap:wrap;gap:.4em;margin-top:.3em}"
        + "button{font-size:1em;padding:.45em .6em;flex:1 1 6em}a{color:#05c}.ok{background:#d4edda;padding:.4em}"
        + "</style>";

    public static async Task<IResult> PageAsync(string id, string village, string cadre, string token, int? page, string? done, DoorLinks links,
        DoorToDoorCadres cadres, IWarningStore warnings, WarningReach reach, TimeProvider time, CancellationToken cancellationToken)
    {
        var (warning, officer, problem) = await FindAsync(id, village, cadre, token, links, cadres, warnings, time, cancellationToken);
        if (problem is not null) return problem;
        var html = new StringBuilder(16_384);
        html.Append("<!doctype html><html lang=\"zh-CN\"><head>").Append(Head).Append("<title>入户通知</title></head><body>");
        if (warning!.IsForTestRecipientsOnly) html.Append("<p class=mark>演练/测试，非真实预警</p>");
        html.Append("<h1>").Append(E(warning.Headline)).Append("</h1>");
        if (warning.State is WarningState.Cancelled or WarningState.Superseded)
        {
            html.Append("<p class=mark>该预警已").Append(warning.State == WarningState.Cancelled ? "取消（解除）" : "更正")
                .Append("，不再需要入户通知，本页不再接收标记。</p></body></html>");
            return Page(html);
        }
        var list = await reach.UnreachedAsync(warning, village, cadres.HouseholdsOf(officer!, village), cancellationToken);
        var pages = Math.Max(1, (list.Count + HouseholdsPerPage - 1) / HouseholdsPerPage);
        var current = Math.Clamp(page ?? 1, 1, pages);
        var path = links.PathOf(id, village, officer!.Id);
        html.Append("<p>").Append(E(officer.Name)).Append("，请逐户通知以下尚未收到预警的住户，通知后点选结果。</p>");
        if (done is not null) html.Append("<p class=ok>已记录。</p>");
        html.Append("<p class=sum>尚有 <b>").Append(list.Count).Append("</b> 户、<b>").Append(list.Sum(h => h.Persons.Count)).Append("</b> 人未收到预警");
        if (pages > 1) html.Append("（第 ").Append(current).Append('/').Append(pages).Append(" 页）");
        html.Append("</p><ol>");
        foreach (var h in list.Skip((current - 1) * HouseholdsPerPage).Take(HouseholdsPerPage)) Household(html, h, path, current);
        html.Append("</ol>");
        if (list.Count == 0) html.Append("<p class=ok>本村住户均已收到预警或已标记，谢谢！</p>");
        if (current < pages) html.Append("<p><a href=\"").Append(path).Append("?page=").Append(current + 1).Append("\">下一页 »</a></p>");
        html.Append("<p><a href=\"").Append(path).Append("\">刷新</a></p></body></html>");
        return Page(html);
    }

    public static async Task<IResult> MarkAsync(HttpContext http, string id, string village, string cadre, string token, DoorLinks links,
        DoorToDoorCadres cadres, IWarningStore warnings, HouseholdMarking marking, TimeProvider time, CancellationToken cancellationToken)
    {
        var (warning, officer, problem) = await FindAsync(id, village, cadre, token, links, cadres, warnings, time, cancellationToken);
        if (problem is not null) return problem;
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        if (!long.TryParse(form["h"], NumberStyles.None, CultureInfo.InvariantCulture, out var household) || household <= 0)
            return Message(StatusCodes.Status400BadRequest, "没有指定住户（h）。");
        if (!HouseholdMarkKinds.TryParse(form["k"], out var kind))
            return Message(StatusCodes.Status400BadRequest, "标记无效（k）：应为 " + string.Join("、", HouseholdMarkKinds.All.Select(HouseholdMarkKinds.Name)) + "。");
        var outcome = await marking.MarkAsync(warning!, village, household, kind, officer!, cancellationToken);
        var page = int.TryParse(form["p"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
        return outcome switch
        {
            MarkOutcome.Recorded => SeeOther(http, $"{links.PathOf(id, village, officer!.Id)}?page={page}&done={household}#h{household}"),
            MarkOutcome.WarningEnded => Message(StatusCodes.Status409Conflict, "该预警已取消（解除），不再接收标记。"),
            MarkOutcome.LinkExpired => Message(StatusCodes.Status410Gone, "链接已过期。"),
            MarkOutcome.NotTheirs => Message(StatusCodes.Status403Forbidden, "您不负责该住户。"),
            _ => Message(StatusCodes.Status400BadRequest, "本村没有该住户。"),
        };
    }

    private static void Household(StringBuilder html, UnreachedHousehold h, string path, int page)
    {
        html.Append("<li id=h").Append(h.Id).Append("><div class=who>").Append(E(h.Head)).Append("</div><div>").Append(E(h.Address));
        if (h.Phone is { } phone) html.Append(" · <a href=\"tel:").Append(E(phone)).Append("\">").Append(E(phone)).Append("</a>");
        html.Append("</div>");
        foreach (var p in h.Persons)
        {
            html.Append("<div>").Append(E(p.Name)).Append(" <span class=why>").Append(E(UnreachedReasonNames.Chinese(p.Reasons))).Append("</span></div>");
        }
        foreach (var m in h.Marks)
        {
            html.Append("<div class=done>").Append(E(HouseholdMarkKinds.Chinese(m.Kind))).Append(" · ").Append(E(m.OfficerName)).Append(' ')
                .Append(m.At.ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm", CultureInfo.InvariantCulture)).Append("</div>");
        }
        html.Append("<form method=post action=\"").Append(path).Append("/mark\"><input type=hidden name=h value=").Append(h.Id)
            .Append("><input type=hidden name=p value=").Append(page).Append('>');
        foreach (var kind in HouseholdMarkKinds.All)
        {
            html.Append("<button name=k value=").Append(HouseholdMarkKinds.Name(kind)).Append('>').Append(HouseholdMarkKinds.Chinese(kind)).Append("</button>");
        }
        html.Append("</form></li>");
    }

    private static async Task<(WarningRecord? Warning, Officer? Officer, IResult? Problem)> FindAsync(string id, string village, string cadre, string token,
        DoorLinks links, DoorToDoorCadres cadres, IWarningStore warnings, TimeProvider time, CancellationToken cancellationToken)
    {
        var notFound = Message(StatusCodes.Status404NotFound, "链接无效。");
        if (village.Length != 12 || !village.All(char.IsAsciiDigit) || !long.TryParse(cadre, NumberStyles.None, CultureInfo.InvariantCulture, out var officerId)
            || !links.IsValid(id, village, cadre, token)) return (null, null, notFound);
        var warning = await warnings.GetAsync(id, cancellationToken);
        var officer = cadres.Find(village, officerId);
        if (warning is null || officer is null) return (null, null, notFound);
        if (DoorLinks.ValidUntil(warning) is { } until && time.GetUtcNow() > until) return (null, null, Message(StatusCodes.Status410Gone, "链接已过期。"));
        return (warning, officer, null);
    }

    private static IResult Message(int status, string text) =>
        Results.Content($"<!doctype html><html lang=\"zh-CN\"><head>{Head}<title>入户通知</title></head><body><p class=mark>{E(text)}</p></body></html>",
            "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>303: the browser loads the list again with a GET, so a reload does not mark twice.</summary>
    private static IResult SeeOther(HttpContext http, string location)
    {
        http.Response.Headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static IResult Page(StringBuilder html) => Results.Content(html.ToString(), "text/html; charset=utf-8");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
