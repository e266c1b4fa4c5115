using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using WarningHub.Core.Registry;
using WarningHub.Server;
using WarningHub.Simulators.Smsc;
using WarningHub.Storage.Sqlite;

namespace WarningHub.Cli.Demo;

/// <summary>
/// `warninghub demo`: the embedded hub and a simulated SMSC on loopback, the sample county generated, the sample
/// red rainstorm warning submitted through the HTTP API, progress per channel, then the reach table.
/// </summary>
internal sealed partial class DemoRun(DemoSettings settings, IAnsiConsole console)
{
    private const string Sender = "jingyan.qxj@weather.example";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("warninghub-demo-");
        try
        {
            await using var smsc = new SmscSimulator(new SmscSimulatorOptions
            {
                // The SMSC's contract is a little above the hub's configured rate: the hub must never hit its limit.
                RateLimitPerSecond = settings.RatePerSecond + settings.RatePerSecond / 4,
                Latency = TimeSpan.FromMilliseconds(2),
                ReceiptDelay = TimeSpan.FromMilliseconds(300),
                ReceiptFailureRate = settings.ReceiptFailureRate,
                Seed = settings.Seed,
            });
            smsc.Start();

            var registry = Status("Generating the sample county", () =>
                new CountyGenerator(new CountyGeneratorOptions { PersonCount = settings.Persons, Seed = settings.Seed })
                    .Generate(RegistryCsv.LoadCounty(ConfigFolder.SampleCounty)));

            var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var app = HubHost.Build([], overrides: Overrides(folder.FullName, apiKey, smsc.Port), loadConfigFile: false,
                configure: b => b.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Hangfire", LogLevel.Error)
                    .AddFilter("Microsoft.AspNetCore", LogLevel.Error));
            await using (app)
            {
                await app.Services.GetRequiredService<SqliteRegistryStore>().SaveAsync(registry, cancellationToken);
                await app.StartAsync(cancellationToken);
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                using var http = new HttpClient { BaseAddress = new Uri(address) };
                http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);

                var cap = SampleWarning.Live(ConfigFolder.Sample("red-rainstorm.cap.xml"), TimeProvider.System.GetUtcNow());
                using var content = new StringContent(cap, Encoding.UTF8, "application/cap+xml");
                using var response = await http.PostAsync(new Uri("/api/v1/warnings", UriKind.Relative), content, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if ((int)response.StatusCode != 202)
                {
                    console.MarkupLineInterpolated($"[red]The hub refused the sample warning ({(int)response.StatusCode}):[/] {body}");
                    return 1;
                }
                var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
                var accepted = clock.Elapsed;
                if (!settings.Json) console.MarkupLineInterpolated($"Warning [bold]{id}[/] accepted (HTTP 202) after {accepted.TotalMilliseconds:F0} ms; sending to {settings.Persons:N0} persons of {registry.County.Name}");

                var final = await WatchAsync(http, id, cancellationToken);
                var reach = await http.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{id}/reach", cancellationToken);
                var elapsed = clock.Elapsed;
                await app.StopAsync(CancellationToken.None);
                if (settings.Json) WriteJson(id, final, reach, elapsed);
                else PrintReach(reach, final, elapsed, smsc);
                return final.AllFinal ? 0 : 1;
            }
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { /* a file still open on a slow shutdown: temp is cleaned by the OS */ }
        }
    }

    private Dictionary<string, string?> Overrides(string folder, string apiKey, int smscPort) => new()
    {
        ["urls"] = "http://127.0.0.1:0",
        ["WarningHub:Hub:DatabasePath"] = Path.Combine(folder, "warninghub.db"),
        ["WarningHub:Hub:Agencies:0:Name"] = "jingyan-weather",
        ["WarningHub:Hub:Agencies:0:ApiKey"] = apiKey,
        ["WarningHub:Hub:Agencies:0:Senders:0"] = Sender,
        ["WarningHub:Engine:ReceiptWindow"] = "00:01:00",
        ["WarningHub:Engine:LinkSecret"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
        ["WarningHub:Sms:Smpp:demo:Host"] = "127.0.0.1",
        ["WarningHub:Sms:Smpp:demo:Port"] = smscPort.ToString(CultureInfo.InvariantCulture),
        ["WarningHub:Sms:Smpp:demo:SystemId"] = "warninghub",
        ["WarningHub:Sms:Smpp:demo:Password"] = "secret",
        ["WarningHub:Sms:Smpp:demo:Binds"] = "2",
        ["WarningHub:Sms:Smpp:demo:Window"] = "64",
        ["WarningHub:Sms:Smpp:demo:RateLimitPerSecond"] = settings.RatePerSecond.ToString(CultureInfo.InvariantCulture),
        ["WarningHub:Sms:Smpp:demo:SourceAddress"] = "12379",
    };

    private T Status<T>(string what, Func<T> work) =>
        settings.Json ? work() : console.Status().Start(what, _ => work());
}
