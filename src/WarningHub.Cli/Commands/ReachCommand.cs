using System.CommandLine;
using System.Net;
using System.Text.Json;
using Spectre.Console;
using WarningHub.Cli.Rendering;

namespace WarningHub.Cli.Commands;

/// <summary>`warninghub reach ID`: persons targeted, sent, delivered, failed and pending per county, town and village.</summary>
internal static class ReachCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The warning id." };
        var url = HubClientOptions.Url();
        var apiKey = HubClientOptions.ApiKey();
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var all = new Option<bool>("--all-villages") { Description = "List every village with unreached persons, not only the ten with most." };
        var command = new Command("reach", "Show who a warning reached, per town and village.") { id, url, apiKey, json, all };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = HubClientOptions.Client(parse.GetValue(url)!, parse.GetValue(apiKey));
            using var response = await http.GetAsync(new Uri($"/api/v1/warnings/{Uri.EscapeDataString(parse.GetValue(id)!)}/reach", UriKind.Relative), cancellationToken);
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
            ReachTable.Write(AnsiConsole.Console, JsonDocument.Parse(body).RootElement, parse.GetValue(all));
            return 0;
        });
        return command;
    }
}
