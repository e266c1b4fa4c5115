using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using WarningHub.Server;

namespace WarningHub.Cli.Commands;

/// <summary>`warninghub serve`: the hub with its HTTP API, on loopback unless --urls says otherwise.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on (default {HubHost.DefaultUrls})." };
        var config = new Option<string?>("--config") { Description = "Settings file (default config/warninghub.json)." };
        var command = new Command("serve", "Run the hub: HTTP API, scheduling and channels.") { urls, config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var args = new List<string>();
            if (parse.GetValue(urls) is { } u) args.AddRange(["--urls", u]);
            WebApplication app;
            try
            {
                app = HubHost.Build([.. args], parse.GetValue(config));
            }
            catch (HubConfigurationException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }
            catch (FileNotFoundException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }
            await using (app)
            {
                await app.StartAsync(cancellationToken);
                await app.WaitForShutdownAsync(cancellationToken);
            }
            return 0;
        });
        return command;
    }
}
