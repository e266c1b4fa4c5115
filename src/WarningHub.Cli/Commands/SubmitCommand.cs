using System.CommandLine;
using System.Text;

namespace WarningHub.Cli.Commands;

/// <summary>`warninghub submit FILE`: post a CAP XML or JSON file to a running hub.</summary>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A CAP 1.2 XML (.xml) or JSON (.json) file." };
        var url = HubClientOptions.Url();
        var key = HubClientOptions.ApiKey();
        var command = new Command("submit", "Submit a warning to a running hub.") { file, url, key };
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
            using var response = await http.PostAsync(new Uri("/api/v1/warnings", UriKind.Relative), content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var writer = response.IsSuccessStatusCode ? Console.Out : Console.Error;
            await writer.WriteLineAsync($"{(int)response.StatusCode} {response.ReasonPhrase}");
            await writer.WriteLineAsync(body);
            return response.IsSuccessStatusCode ? 0 : 1;
        });
        return command;
    }
}
