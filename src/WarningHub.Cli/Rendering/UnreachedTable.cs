using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace WarningHub.Cli.Rendering;

/// <summary>The door-to-door list as a table that fits 80 columns: one line per household, its unreached persons below.</summary>
internal static class UnreachedTable
{
    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["noPhone"] = "无手机", ["smsFailed"] = "短信失败", ["smsPending"] = "短信待回执", ["smsUnconfirmed"] = "短信未确认",
        ["smsNotSent"] = "短信未发出", ["noWeChat"] = "无微信", ["weChatNotDelivered"] = "微信未送达",
    };

    public static void Write(IAnsiConsole console, JsonElement list)
    {
        var households = list.GetProperty("households").GetInt32();
        var persons = list.GetProperty("persons").GetInt32();
        console.MarkupLineInterpolated($"[bold]{list.GetProperty("warningId").GetString()}[/]: {households.ToString("N0", CultureInfo.InvariantCulture)} households, {persons.ToString("N0", CultureInfo.InvariantCulture)} persons to visit (待入户).");
        if (households == 0) return;
        var table = new Table().Border(TableBorder.Simple).Expand()
            .AddColumn(new TableColumn("户主 Head").NoWrap()).AddColumn("Address 地址").AddColumn(new TableColumn("Phone").NoWrap())
            .AddColumn("Persons, why 未到人员");
        foreach (var h in list.GetProperty("items").EnumerateArray())
        {
            var who = string.Join("; ", h.GetProperty("persons").EnumerateArray().Select(p =>
                $"{p.GetProperty("name").GetString()} {string.Join("、", p.GetProperty("reasons").EnumerateArray().Select(r => Reasons.GetValueOrDefault(r.GetString()!, r.GetString()!)))}"));
            var marks = h.GetProperty("marks").EnumerateArray().Select(m => m.GetProperty("label").GetString()).ToList();
            if (marks.Count > 0) who += $" [{string.Join("、", marks)}]";
            table.AddRow(Markup.Escape(h.GetProperty("head").GetString() ?? ""),
                Markup.Escape($"{h.GetProperty("villageName").GetString()} {h.GetProperty("address").GetString()}"),
                Markup.Escape(h.GetProperty("phone").GetString() ?? "-"), Markup.Escape(who));
        }
        console.Write(table);
    }
}
