using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace WarningHub.Cli.Commands;

/// <summary>
/// `warninghub preview FILE [--json]`: who a CAP XML or JSON file would reach on which channel, and how fast, asked of a
/// running hub (POST /api/v1/warnings/preview: checked like a submission, nothing stored or sent).
/// </summary>
internal static class PreviewCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A CAP 1.2 XML (.xml) or JSON (.json) file." };
        var json = new Option<bool>("--json") { Description = "Print the hub's JSON answer." };
        var url = HubClientOptions.Url();
        var key = HubClientOptions.ApiKey();
        var command = new Command("preview", "Show who a warning would reach on which channel, before submitting it.") { file, json, url, key };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"No such file: {path.FullName}");
                return 2;
            }
            using var http = HubClientOptions.Client(parse.GetValue(url)!, parse.GetValue(key));
            var media = path.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase) ? "application/json" : "application/cap+xml";
            using var content = new StringContent(await File.ReadAllTextAsync(path.FullName, cancellationToken), Encoding.UTF8, media);
            using var response = await http.PostAsync(new Uri("/api/v1/warnings/preview", UriKind.Relative), content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (await HubClientOptions.KeyRefusedAsync(response)) return 1;
            if (!response.IsSuccessStatusCode)
            {
                await Console.Error.WriteLineAsync($"{(int)response.StatusCode} {response.ReasonPhrase}");
                await Console.Error.WriteLineAsync(body);
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

    private static void Render(JsonElement preview)
    {
        static string Seconds(JsonElement e) => e.GetDouble().ToString("0.#", CultureInfo.InvariantCulture);
        var drill = preview.GetProperty("drill").ValueKind == JsonValueKind.Number ? $"; drill {preview.GetProperty("drill").GetInt64()}" : "";
        AnsiConsole.MarkupLine(Markup.Escape($"Rule {preview.GetProperty("rule").GetString()}: {string.Join(", ", preview.GetProperty("audiences").EnumerateArray().Select(a => a.GetString()))}"
            + $"; {preview.GetProperty("personsTargeted").GetInt32()} persons targeted; {preview.GetProperty("approversRequired").GetInt32()} approver(s){drill}"));
        var off = preview.GetProperty("channelsOff").EnumerateArray().Select(a => a.GetString()).ToList();
        if (off.Count > 0) AnsiConsole.MarkupLine(Markup.Escape("Kept off by the warning: " + string.Join(", ", off)));
        var followUp = preview.TryGetProperty("followUp", out var f0) && f0.ValueKind == JsonValueKind.Object
            ? f0.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal)
            : [];
        var table = new Table().AddColumns("Channel", "Recipients", "Parts", "Total parts", "50 % (s)", "95 % (s)");
        foreach (var channel in preview.GetProperty("channels").EnumerateObject())
        {
            var c = channel.Value;
            var earlier = followUp.TryGetValue(channel.Name, out var n) ? $" ({n.ToString(CultureInfo.InvariantCulture)} reached by the earlier warning)" : "";
            table.AddRow(channel.Name, c.GetProperty("recipients").GetInt32().ToString(CultureInfo.InvariantCulture) + earlier,
                c.GetProperty("parts").ValueKind == JsonValueKind.Number ? c.GetProperty("parts").GetInt32().ToString(CultureInfo.InvariantCulture) : "",
                c.GetProperty("totalParts").ValueKind == JsonValueKind.Number ? c.GetProperty("totalParts").GetInt64().ToString(CultureInfo.InvariantCulture) : "",
                Seconds(c.GetProperty("p50Seconds")), Seconds(c.GetProperty("p95Seconds")));
        }
        AnsiConsole.Write(table);
        var f = preview.GetProperty("forecast");
        AnsiConsole.MarkupLine(Markup.Escape($"Forecast: 50 % in {Seconds(f.GetProperty("p50Seconds"))} s, 95 % in {Seconds(f.GetProperty("p95Seconds"))} s "
            + $"(SMS {Seconds(f.GetProperty("smsPartsPerSecond"))} parts/s"
            + (f.GetProperty("bulletinSeconds").ValueKind == JsonValueKind.Number ? $", bulletin {Seconds(f.GetProperty("bulletinSeconds"))} s" : "") + ")"));
    }
}
