using System.CommandLine;
using System.Net;
using System.Text.Json;
using Spectre.Console;
using WarningHub.Cli.Rendering;

namespace WarningHub.Cli.Commands;

/// <summary>`warninghub ack ID`: the 叫应 board of a warning, silent officers first.</summary>
internal static class AckCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The warning id." };
        var url = HubClientOptions.Url();
        var apiKey = HubClientOptions.ApiKey();
        var json = new Option<bool>("--json") { Description = "Print the board as JSON." };
        var command = new Command("ack", "Show which responsible officers answered a warning's call (叫应), silent ones first.") { id, url, apiKey, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = HubClientOptions.Client(parse.GetValue(url)!, parse.GetValue(apiKey));
            using var response = await http.GetAsync(
                new Uri($"/api/v1/warnings/{Uri.EscapeDataString(parse.GetValue(id)!)}/acknowledgements", UriKind.Relative), cancellationToken);
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
            AckTable.Write(AnsiConsole.Console, JsonDocument.Parse(body).RootElement);
            return 0;
        });
        return command;
    }
}
