using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace WarningHub.Cli.Rendering;

/// <summary>Reach as tables: the county and its towns, then the villages that still need someone at the door.</summary>
internal static class ReachTable
{
    public static void Write(IAnsiConsole console, JsonElement reach, bool allVillages = false)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"Reach of {reach.GetProperty("warningId").GetString()} (persons)")
            .AddColumn("Area 区域").AddColumn(new TableColumn("Targeted 目标").RightAligned())
            .AddColumn(new TableColumn("No phone 无手机").RightAligned()).AddColumn(new TableColumn("Sent 已发").RightAligned())
            .AddColumn(new TableColumn("Delivered 送达").RightAligned()).AddColumn(new TableColumn("Failed 失败").RightAligned())
            .AddColumn(new TableColumn("Pending 待定").RightAligned()).AddColumn(new TableColumn("Reached 到人率").RightAligned());
        AddRow(table, reach.GetProperty("county"), bold: true);
        foreach (var town in reach.GetProperty("towns").EnumerateArray()) AddRow(table, town, bold: false);
        console.Write(table);

        var villages = reach.GetProperty("villages").EnumerateArray().ToList();
        WriteLoudspeakers(console, reach, villages, allVillages);
        var complete = villages.Count(v => N(v, "unreached") == 0);
        console.MarkupLineInterpolated($"Villages 村/社区: {villages.Count} targeted, [green]{complete} fully reached[/], [yellow]{villages.Count - complete} with persons to visit[/] (到户到人 follow-up).");
        var toVisit = villages.Where(v => N(v, "unreached") > 0).OrderByDescending(v => N(v, "unreached")).ToList();
        if (toVisit.Count == 0) return;
        var list = new Table().Border(TableBorder.Simple).Title(allVillages ? "Villages with unreached persons" : "Villages with the most unreached persons")
            .AddColumn("Village 村").AddColumn(new TableColumn("Targeted").RightAligned())
            .AddColumn(new TableColumn("No phone").RightAligned()).AddColumn(new TableColumn("Failed").RightAligned())
            .AddColumn(new TableColumn("Pending").RightAligned()).AddColumn(new TableColumn("To visit 待上门").RightAligned());
        foreach (var v in allVillages ? toVisit : toVisit.Take(10))
        {
            list.AddRow(Markup.Escape($"{v.GetProperty("name").GetString()} {v.GetProperty("code").GetString()}"), I(v, "targeted"), I(v, "withoutPhone"),
                I(v, "failed"), I(v, "pending"), $"[yellow]{I(v, "unreached")}[/]");
        }
        console.Write(list);
    }

    /// <summary>
    /// Loudspeaker terminals (大喇叭) per channel, and the villages where some did not play or are offline now: someone
    /// has to go there, with a gong if need be.
    /// </summary>
    private static void WriteLoudspeakers(IAnsiConsole console, JsonElement reach, List<JsonElement> villages, bool allVillages)
    {
        var channels = reach.GetProperty("channels").EnumerateObject().Where(c => c.Value.TryGetProperty("offline", out _)).ToList();
        if (channels.Count == 0) return;
        foreach (var c in channels)
        {
            console.MarkupLineInterpolated(
                $"Loudspeakers 大喇叭 ({c.Name}): {N(c.Value, "targeted")} terminals, [green]{N(c.Value, "delivered")} played[/], {N(c.Value, "failed")} failed, {N(c.Value, "pending")} pending, [yellow]{N(c.Value, "offline")} offline or faulty now[/].");
        }
        var trouble = villages
            .SelectMany(v => channels.Select(c => (Village: v, Channel: c.Name, Row: v.GetProperty("channels").TryGetProperty(c.Name, out var row) ? row : (JsonElement?)null)))
            .Where(x => x.Row is { } r && (N(r, "offline") > 0 || N(r, "delivered") < N(r, "targeted")))
            .Select(x => (x.Village, x.Channel, Row: x.Row!.Value))
            .OrderByDescending(x => N(x.Row, "offline")).ThenByDescending(x => N(x.Row, "targeted") - N(x.Row, "delivered"))
            .ToList();
        if (trouble.Count == 0) return;
        // Narrow enough for 80 columns: a village's name and code on one line, the channel as its kind.
        var table = new Table().Border(TableBorder.Simple).Title("Villages whose loudspeakers did not all play 大喇叭未全部播放的村")
            .AddColumn(new TableColumn("Village 村").NoWrap()).AddColumn("Kind").AddColumn(new TableColumn("Terminals").RightAligned())
            .AddColumn(new TableColumn("Played").RightAligned()).AddColumn(new TableColumn("Failed").RightAligned())
            .AddColumn(new TableColumn("Pending").RightAligned()).AddColumn(new TableColumn("Offline").RightAligned());
        foreach (var (village, channel, row) in allVillages ? trouble : trouble.Take(10))
        {
            var kind = channel switch { "loudspeakerIp" => "IP", "loudspeakerSerial" => "serial", _ => channel };
            table.AddRow(Markup.Escape($"{village.GetProperty("name").GetString()} {village.GetProperty("code").GetString()}"), Markup.Escape(kind),
                I(row, "targeted"), I(row, "delivered"), I(row, "failed"), I(row, "pending"), $"[yellow]{I(row, "offline")}[/]");
        }
        console.Write(table);
    }

    private static void AddRow(Table table, JsonElement row, bool bold)
    {
        var targeted = N(row, "targeted");
        var delivered = N(row, "delivered");
        var rate = targeted == 0 ? 0 : 100.0 * delivered / targeted;
        var colour = rate >= 95 ? "green" : rate >= 80 ? "yellow" : "red";
        var name = Markup.Escape(row.GetProperty("name").GetString() ?? "");
        table.AddRow(bold ? $"[bold]{name}[/]" : name, I(row, "targeted"), I(row, "withoutPhone"), I(row, "sent"), I(row, "delivered"),
            I(row, "failed"), I(row, "pending"), $"[{colour}]{rate.ToString("F1", CultureInfo.InvariantCulture)}%[/]");
    }

    private static int N(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    private static string I(JsonElement e, string name) => N(e, name).ToString("N0", CultureInfo.InvariantCulture);
}
