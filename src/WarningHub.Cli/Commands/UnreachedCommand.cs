using System.CommandLine;
using System.Net;
using System.Text.Json;
using Spectre.Console;
using WarningHub.Cli.Rendering;

namespace WarningHub.Cli.Commands;

/// <summary>`warninghub unreached ID [--village CODE] [--out FILE.xlsx|FILE.csv]`: the households and persons still to visit.</summary>
internal static class UnreachedCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The warning id." };
        var village = new Option<string?>("--village") { Description = "One village's 12-digit code; every village of the warning without it." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the list to FILE.xlsx or FILE.csv instead of printing it." };
        var json = new Option<bool>("--json") { Description = "Print the list as JSON." };
        var url = HubClientOptions.Url();
        var apiKey = HubClientOptions.ApiKey();
        var command = new Command("unreached", "List the households and persons no channel reached yet (door-to-door list).") { id, village, output, json, url, apiKey };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(output);
            var format = file is null ? "json" : file.Extension.ToLowerInvariant() switch { ".xlsx" => "xlsx", ".csv" => "csv", _ => null };
            if (format is null)
            {
                await Console.Error.WriteLineAsync($"--out must name a .xlsx or .csv file (was '{file!.Name}').");
                return 2;
            }
            var query = $"/api/v1/warnings/{Uri.EscapeDataString(parse.GetValue(id)!)}/unreached?format={format}";
            if (parse.GetValue(village) is { } code) query += "&village=" + Uri.EscapeDataString(code);
            using var http = HubClientOptions.Client(parse.GetValue(url)!, parse.GetValue(apiKey));
            using var response = await http.GetAsync(new Uri(query, UriKind.Relative), cancellationToken);
            if (await HubClientOptions.KeyRefusedAsync(response)) return 1;
            if (!response.IsSuccessStatusCode)
            {
                var problem = await response.Content.ReadAsStringAsync(cancellationToken);
                await Console.Error.WriteLineAsync(response.StatusCode == HttpStatusCode.NotFound ? $"No warning '{parse.GetValue(id)}'." : problem);
                return 1;
            }
            if (file is not null)
            {
                // Written whole or not at all: a half-written spreadsheet is worse than none.
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var temporary = file.FullName + ".partial";
                await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
                File.Move(temporary, file.FullName, overwrite: true);
                Console.WriteLine($"Wrote {file.FullName} ({bytes.Length:N0} bytes).");
                return 0;
            }
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(body);
                return 0;
            }
            UnreachedTable.Write(AnsiConsole.Console, JsonDocument.Parse(body).RootElement);
            return 0;
        });
        return command;
    }
}
