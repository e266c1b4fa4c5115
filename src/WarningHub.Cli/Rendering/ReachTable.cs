using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace WarningHub.Cli.Rendering;

/// <summary>Reach as tables that fit 80 columns: 到村/到户/到人 per county and town, the SMS counts, then the villages that still need someone at the door.</summary>
internal static class ReachTable
{
    public static void Write(IAnsiConsole console, JsonElement reach, bool allVillages = false)
    {
        var county = reach.GetProperty("county");
        var towns = reach.GetProperty("towns").EnumerateArray().ToList();
        if (county.TryGetProperty("persons", out _)) WriteHouseholdReach(console, reach, county, towns);
        // The 叫应 board's summary in its own words (warninghub ack ID lists the officers).
        if (reach.TryGetProperty("acknowledgements", out var acks) && acks.ValueKind == JsonValueKind.Object)
            console.MarkupLine("叫应 " + AckTable.SummaryLine(acks, deadline: null));

        // The SMS slots alone, in persons (round 0; a shared phone counts in its first holder's village).
        var table = new Table().Border(TableBorder.Rounded).Title("SMS to persons' phones 短信")
            .AddColumn("Area 区域").AddColumn(new TableColumn("Targeted").RightAligned())
            .AddColumn(new TableColumn("No phone").RightAligned()).AddColumn(new TableColumn("Delivered").RightAligned())
            .AddColumn(new TableColumn("Failed").RightAligned()).AddColumn(new TableColumn("Pending").RightAligned()).AddColumn(new TableColumn("Rate").RightAligned());
        AddRow(table, county, bold: true);
        foreach (var town in towns) AddRow(table, town, bold: false);
        console.Write(table);

        var villages = reach.GetProperty("villages").EnumerateArray().ToList();
        WriteLoudspeakers(console, reach, villages, allVillages);
        var complete = villages.Count(v => Unaccounted(v) == 0);
        console.MarkupLineInterpolated($"Villages 村/社区: {villages.Count} targeted, [green]{complete} fully reached[/], [yellow]{villages.Count - complete} with persons to visit[/].");
        var toVisit = villages.Where(v => Unaccounted(v) > 0).OrderByDescending(Unaccounted).ToList();
        if (toVisit.Count == 0) return;
        var list = new Table().Border(TableBorder.Simple).Title(allVillages ? "Villages with persons to visit 待入户" : "Villages with most persons to visit 待入户")
            .AddColumn(new TableColumn("Village 村").NoWrap()).AddColumn(new TableColumn("Targeted").RightAligned())
            .AddColumn(new TableColumn("No phone").RightAligned()).AddColumn(new TableColumn("Failed").RightAligned())
            .AddColumn(new TableColumn("To visit").RightAligned());
        foreach (var v in allVillages ? toVisit : toVisit.Take(10))
        {
            list.AddRow(Markup.Escape($"{v.GetProperty("name").GetString()} {v.GetProperty("code").GetString()}"), I(v, "targeted"), I(v, "withoutPhone"),
                I(v, "failed"), $"[yellow]{Unaccounted(v).ToString("N0", CultureInfo.InvariantCulture)}[/]");
        }
        console.Write(list);
        console.MarkupLine("[dim]The list itself: warninghub unreached ID --village CODE [[--out FILE.xlsx]][/]");
    }

    /// <summary>到村, 到户, 到人 per county and town; the county's split by evidence and its times to reach.</summary>
    private static void WriteHouseholdReach(IAnsiConsole console, JsonElement reach, JsonElement county, List<JsonElement> towns)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Reach of {reach.GetProperty("warningId").GetString()} 到村 到户 到人")
            .AddColumn("Area 区域").AddColumn(new TableColumn("Villages 到村").RightAligned()).AddColumn(new TableColumn("Households 到户").RightAligned())
            .AddColumn(new TableColumn("Persons 到人").RightAligned()).AddColumn(new TableColumn("To visit 未到").RightAligned());
        foreach (var (row, bold) in towns.Select(t => (t, false)).Prepend((county, true)))
        {
            var persons = row.GetProperty("persons");
            var name = Markup.Escape(row.GetProperty("name").GetString() ?? "");
            table.AddRow(bold ? $"[bold]{name}[/]" : name, Of(row.GetProperty("villages")), Rate(row.GetProperty("households")), Rate(persons),
                $"[yellow]{I(persons, "unaccounted")}[/]");
        }
        console.Write(table);
        var p = county.GetProperty("persons");
        console.MarkupLineInterpolated(
            $"Persons reached by own SMS {I(p, "bySms")}, household WeChat {I(p, "byHousehold")}, officer {I(p, "byOfficer")}; evacuated 已转移 {I(p, "evacuated")}.");
        var t = county.GetProperty("timeToReachMs");
        console.MarkupLineInterpolated($"Time to reach 50% {Minutes(t, "p50")}, 90% {Minutes(t, "p90")}, 95% {Minutes(t, "p95")} of persons.");
        WriteTownSplit(console, county, towns);
    }

    /// <summary>Per county and town: persons reached by own SMS, household channel and officer, and the times to 50/90/95 %.</summary>
    private static void WriteTownSplit(IAnsiConsole console, JsonElement county, List<JsonElement> towns)
    {
        // Short headers: seven columns still fit 80 with a town's name and "h:mm:ss" times.
        var table = new Table().Border(TableBorder.Rounded).Title("Persons reached by evidence, time to reach 到人")
            .AddColumn("Area 区域").AddColumn(new TableColumn("SMS").RightAligned()).AddColumn(new TableColumn("Home").RightAligned())
            .AddColumn(new TableColumn("Officer").RightAligned()).AddColumn(new TableColumn("50%").RightAligned())
            .AddColumn(new TableColumn("90%").RightAligned()).AddColumn(new TableColumn("95%").RightAligned());
        foreach (var (row, bold) in towns.Select(t => (t, false)).Prepend((county, true)))
        {
            var p = row.GetProperty("persons");
            var t = row.GetProperty("timeToReachMs");
            var name = Markup.Escape(row.GetProperty("name").GetString() ?? "");
            table.AddRow(bold ? $"[bold]{name}[/]" : name, I(p, "bySms"), I(p, "byHousehold"), I(p, "byOfficer"), Time(t, "p50"), Time(t, "p90"), Time(t, "p95"));
        }
        console.Write(table);
        console.MarkupLine("[dim]Home: a WeChat follower bound to the household; -: not reached yet.[/]");
    }

    private static string Time(JsonElement times, string name) =>
        times.GetProperty(name).ValueKind == JsonValueKind.Number ? Minutes(times, name) : "-";

    private static int Unaccounted(JsonElement village) =>
        village.TryGetProperty("persons", out var p) ? N(p, "unaccounted") : N(village, "unreached");

    private static string Of(JsonElement count) => $"{I(count, "reached")}/{I(count, "targeted")}";

    private static string Rate(JsonElement count)
    {
        var targeted = N(count, "targeted");
        var rate = targeted == 0 ? 0 : 100.0 * N(count, "reached") / targeted;
        var colour = rate >= 95 ? "green" : rate >= 80 ? "yellow" : "red";
        return $"[{colour}]{rate.ToString("F1", CultureInfo.InvariantCulture)}%[/]";
    }

    private static string Minutes(JsonElement times, string name) =>
        times.GetProperty(name).ValueKind == JsonValueKind.Number
            ? TimeSpan.FromMilliseconds(times.GetProperty(name).GetInt64()).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : "not yet";

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
        table.AddRow(bold ? $"[bold]{name}[/]" : name, I(row, "targeted"), I(row, "withoutPhone"), I(row, "delivered"),
            I(row, "failed"), I(row, "pending"), $"[{colour}]{rate.ToString("F1", CultureInfo.InvariantCulture)}%[/]");
    }

    private static int N(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    private static string I(JsonElement e, string name) => N(e, name).ToString("N0", CultureInfo.InvariantCulture);
}
