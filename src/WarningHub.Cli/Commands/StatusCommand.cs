using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Json;

namespace WarningHub.Cli.Commands;

/// <summary>`warninghub status ID`: a warning's state and its per-channel counts.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The warning id the hub answered with." };
        var url = HubClientOptions.Url();
        var apiKey = HubClientOptions.ApiKey();
        var command = new Command("status", "Show a warning's state and counts.") { id, url, apiKey };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = HubClientOptions.Client(parse.GetValue(url)!, parse.GetValue(apiKey));
            using var response = await http.GetAsync(new Uri($"/api/v1/warnings/{Uri.EscapeDataString(parse.GetValue(id)!)}", UriKind.Relative), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (await HubClientOptions.KeyRefusedAsync(response)) return 1;
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                await Console.Error.WriteLineAsync($"No warning '{parse.GetValue(id)}'.");
                return 1;
            }
            AnsiConsole.Write(new JsonText(body));
            AnsiConsole.WriteLine();
            return response.IsSuccessStatusCode ? 0 : 1;
        });
        return command;
    }
}
