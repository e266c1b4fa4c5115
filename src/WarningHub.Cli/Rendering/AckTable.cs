using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace WarningHub.Cli.Rendering;

/// <summary>The 叫应 board: one row per officer called, silent ones first (by tier), times in Beijing time.</summary>
internal static class AckTable
{
    public static void Write(IAnsiConsole console, JsonElement board)
    {
        var warningId = board.GetProperty("warningId").GetString();
        if (!board.GetProperty("required").GetBoolean())
        {
            console.MarkupLineInterpolated($"{warningId}: this warning calls for no 叫应 (its level, event or status is not configured for it).");
            return;
        }

        var officers = board.GetProperty("officers").EnumerateArray()
            .OrderBy(o => o.GetProperty("answeredAt").ValueKind == JsonValueKind.Null ? 0 : 1)
            .ThenBy(o => o.GetProperty("tier").GetInt32()).ThenBy(o => o.GetProperty("officerId").GetInt64()).ToList();
        var table = new Table().Border(TableBorder.Rounded).Title($"叫应 of {warningId}")
            .AddColumn("State 状态").AddColumn("Officer 责任人").AddColumn(new TableColumn("Tier 层级").Centered()).AddColumn("Regions 区域")
            .AddColumn("Sent 发出").AddColumn("Answered 确认").AddColumn("How 方式").AddColumn("Escalated 上报").AddColumn("Voice calls 语音");
        foreach (var o in officers)
        {
            var silent = o.GetProperty("answeredAt").ValueKind == JsonValueKind.Null;
            var regions = string.Join("、", o.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
            var escalations = o.GetProperty("escalations").GetInt32();
            table.AddRow(
                silent ? "[red]silent 未确认[/]" : "[green]answered 已确认[/]",
                Markup.Escape(o.GetProperty("name").GetString() ?? ""),
                Tier(o.GetProperty("tier").GetInt32()),
                Markup.Escape(regions),
                Time(o.GetProperty("sentAt")),
                silent ? "" : Time(o.GetProperty("answeredAt")),
                silent ? "" : How(o.GetProperty("how").GetString()),
                escalations == 0 ? "" : escalations == 1 ? "reminded, next tier told 已提醒并上报" : "tier after told 再上报",
                Markup.Escape(VoiceCalls(o)));
        }

        console.Write(table);
        console.MarkupLine(SummaryLine(board.GetProperty("summary"), board.GetProperty("deadline").GetString()));
    }

    /// <summary>
    /// The board's summary as one markup line, also under the reach report: officers, answered, silent, escalated, the
    /// deadline when known, the median answer time.
    /// </summary>
    public static string SummaryLine(JsonElement summary, string? deadline)
    {
        var median = summary.GetProperty("medianAnswerSeconds");
        var answer = median.ValueKind == JsonValueKind.Null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{median.GetDouble():0} s");
        var due = deadline is null ? "" : $"; deadline {Markup.Escape(deadline)}";
        return string.Create(CultureInfo.InvariantCulture,
            $"Officers 责任人: {summary.GetProperty("officers").GetInt32()}, [green]{summary.GetProperty("answered").GetInt32()} answered[/], [red]{summary.GetProperty("silent").GetInt32()} silent[/], {summary.GetProperty("escalated").GetInt32()} escalated{due}; median answer {answer}.");
    }

    /// <summary>Each voice call's outcome in attempt order, for example "1 busy 忙, 2 confirmed 按1确认".</summary>
    private static string VoiceCalls(JsonElement officer) =>
        officer.TryGetProperty("voiceCalls", out var calls) && calls.ValueKind == JsonValueKind.Array
            ? string.Join(", ", calls.EnumerateArray().Select(c => c.GetProperty("attempt").GetInt32().ToString(CultureInfo.InvariantCulture) + " "
                + VoiceOutcome(c.GetProperty("outcome").GetString())))
            : "";

    private static string VoiceOutcome(string? outcome) => outcome switch
    {
        "confirmed" => "confirmed 按1确认",
        "answeredWithoutConfirming" => "answered, no 1 接听未按键",
        "busy" => "busy 忙",
        "noAnswer" => "no answer 未接",
        "failed" => "failed 失败",
        "poweredOff" => "powered off 关机",
        _ => outcome ?? "",
    };

    private static string Tier(int tier) => tier switch
    {
        1 => "1 村",
        2 => "2 镇",
        3 => "3 县",
        _ => tier.ToString(CultureInfo.InvariantCulture),
    };

    private static string How(string? how) => how switch
    {
        "sms" => "SMS reply 短信",
        "link" => "link 链接",
        "played" => "played 已播放",
        "voice" => "voice call 语音按1",
        _ => how ?? "",
    };

    private static string Time(JsonElement at) =>
        at.GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
