using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace WarningHub.Cli.Commands;

/// <summary>
/// `warninghub drills add --area CODE[,CODE] --from … --to … --user NAME`, `warninghub drills list` and
/// `warninghub drill-report ID [--json]`, against a running hub. Authorising takes an administrator, who signs in with
/// the password from WARNINGHUB_PASSWORD or standard input.
/// </summary>
internal static class DrillCommands
{
    public static Command Drills()
    {
        var command = new Command("drills", "Authorise and list drills (演练): an Exercise inside one reaches the area's real population.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command Add()
    {
        var area = new Option<string>("--area") { Description = "Division codes of the drill's area, comma-separated (county, towns, villages).", Required = true };
        var from = new Option<DateTimeOffset>("--from") { Description = "When the window opens (ISO 8601, e.g. 2026-07-15T09:00:00+08:00).", Required = true };
        var to = new Option<DateTimeOffset>("--to") { Description = "When it closes.", Required = true };
        var user = new Option<string>("--user") { Description = "An administrator; password from WARNINGHUB_PASSWORD or stdin.", Required = true };
        var url = HubClientOptions.Url();
        var command = new Command("add", "Authorise a drill for an area and a time window.") { area, from, to, user, url };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = HubClientOptions.Client(parse.GetValue(url)!);
            return await ApprovalCommands.AsUserAsync(http, parse.GetValue(user), async () =>
            {
                var areas = parse.GetValue(area)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                using var response = await http.PostAsJsonAsync(new Uri("/api/v1/drills", UriKind.Relative),
                    new { areas, from = parse.GetValue(from), to = parse.GetValue(to) }, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    await Console.Error.WriteLineAsync($"{(int)response.StatusCode} {response.ReasonPhrase}");
                    await Console.Error.WriteLineAsync(body);
                    return 1;
                }
                var drill = JsonDocument.Parse(body).RootElement;
                Console.WriteLine($"Drill {drill.GetProperty("id").GetInt64()} authorised: {Describe(drill)}");
                return 0;
            }, cancellationToken);
        });
        return command;
    }

    private static Command List()
    {
        var user = new Option<string?>("--user") { Description = "Sign in as this user (password from WARNINGHUB_PASSWORD or stdin); without it, the --api-key of the county's operators." };
        var json = new Option<bool>("--json") { Description = "Print the hub's JSON answer." };
        var url = HubClientOptions.Url();
        var key = HubClientOptions.ApiKey();
        var command = new Command("list", "List the authorised drills, newest first.") { user, json, url, key };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = HubClientOptions.Client(parse.GetValue(url)!, parse.GetValue(user) is null ? parse.GetValue(key) : null);
            return await ApprovalCommands.AsUserAsync(http, parse.GetValue(user), async () =>
            {
                using var response = await http.GetAsync(new Uri("/api/v1/drills", UriKind.Relative), cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode) return await ApprovalCommands.RefusedAsync(response, body);
                if (parse.GetValue(json))
                {
                    Console.WriteLine(body);
                    return 0;
                }
                foreach (var drill in JsonDocument.Parse(body).RootElement.EnumerateArray())
                    Console.WriteLine($"{drill.GetProperty("id").GetInt64(),4}  {Describe(drill)}");
                return 0;
            }, cancellationToken);
        });
        return command;
    }

    public static Command Report()
    {
        var id = new Argument<string>("id") { Description = "The Exercise warning." };
        var json = new Option<bool>("--json") { Description = "Print the hub's JSON answer." };
        var url = HubClientOptions.Url();
        var key = HubClientOptions.ApiKey();
        var command = new Command("drill-report", "A drill's times: first send, 50 % and 95 % reached per channel, 叫应 answers, door-to-door closure.") { id, json, url, key };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = HubClientOptions.Client(parse.GetValue(url)!, parse.GetValue(key));
            using var response = await http.GetAsync(new Uri($"/api/v1/warnings/{Uri.EscapeDataString(parse.GetValue(id)!)}/drill-report", UriKind.Relative), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (await HubClientOptions.KeyRefusedAsync(response)) return 1;
            if (!response.IsSuccessStatusCode)
            {
                await Console.Error.WriteLineAsync(response.StatusCode == HttpStatusCode.NotFound ? $"No warning '{parse.GetValue(id)}'." : body);
                return 1;
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(body);
                return 0;
            }
            Render(JsonDocument.Parse(body).RootElement);
            return 0;
        });
        return command;
    }

    private static void Render(JsonElement report)
    {
        static string S(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDouble().ToString("0.#", CultureInfo.InvariantCulture) : "—";
        var drill = report.GetProperty("drill");
        AnsiConsole.MarkupLine(Markup.Escape($"{report.GetProperty("id").GetString()} ({report.GetProperty("status").GetString()}): "
            + (drill.ValueKind == JsonValueKind.Number ? $"drill {drill.GetInt64()}, the area's real population" : "no authorised drill, test recipients only")));
        var table = new Table().AddColumns("Channel", "Planned", "Delivered", "First send (s)", "50 % (s)", "95 % (s)");
        foreach (var c in report.GetProperty("channels").EnumerateObject())
        {
            var v = c.Value;
            table.AddRow(c.Name, v.GetProperty("planned").GetInt32().ToString(CultureInfo.InvariantCulture), v.GetProperty("delivered").GetInt32().ToString(CultureInfo.InvariantCulture),
                S(v.GetProperty("firstSendSeconds")), S(v.GetProperty("reached50Seconds")), S(v.GetProperty("reached95Seconds")));
        }
        AnsiConsole.Write(table);
        var ack = report.GetProperty("acknowledgements");
        AnsiConsole.MarkupLine(Markup.Escape($"叫应: {ack.GetProperty("answered").GetInt32()} of {ack.GetProperty("officers").GetInt32()} answered, "
            + $"{ack.GetProperty("escalated").GetInt32()} escalated, median answer {S(ack.GetProperty("medianAnswerSeconds"))} s"));
        var door = report.GetProperty("doorToDoor");
        AnsiConsole.MarkupLine(Markup.Escape($"Door to door: {door.GetProperty("householdsReached").GetInt32()} of {door.GetProperty("householdsTargeted").GetInt32()} households reached, "
            + $"{door.GetProperty("householdsMarked").GetInt32()} marked by cadres, {door.GetProperty("householdsUnreached").GetInt32()} still to visit"));
    }

    private static string Describe(JsonElement drill)
    {
        static string Beijing(JsonElement e) => e.GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return $"{string.Join(",", drill.GetProperty("areas").EnumerateArray().Select(a => a.GetString()))} from {Beijing(drill.GetProperty("from"))} "
            + $"to {Beijing(drill.GetProperty("to"))} (UTC+8), by {drill.GetProperty("authorisedBy").GetString()}";
    }
}
