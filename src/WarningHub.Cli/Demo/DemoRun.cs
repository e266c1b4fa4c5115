using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using WarningHub.Audio;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;
using WarningHub.Server;
using WarningHub.Storage.Sqlite;

namespace WarningHub.Cli.Demo;

/// <summary>
/// `warninghub demo`: the embedded hub and a simulated county on loopback (SMSC, IP and serial loudspeakers, WeChat and
/// WeCom, a TV station), the sample county and its endpoints generated, the sample red rainstorm warning submitted
/// through the HTTP API, a progress bar per channel, then reach and a summary per channel.
/// </summary>
internal sealed partial class DemoRun(DemoSettings settings, IAnsiConsole console)
{
    private const string Sender = "jingyan.qxj@weather.example";

    /// <summary>The bulletin repeats as a real hub's does; the demo ends with the first round, long before the first repeat.</summary>
    private static readonly TimeSpan RepeatEvery = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The demo runs on the real clock; a red warning's 叫应 deadline (5 minutes) and door-to-door delay (10 minutes) are
    /// shortened to these so the loop closes within the demo, and the demo says so.
    /// </summary>
    private static readonly TimeSpan AckDeadline = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan DoorDelay = TimeSpan.FromSeconds(15);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("warninghub-demo-");
        try
        {
            var registry = Status("Generating the sample county", () =>
                new CountyGenerator(new CountyGeneratorOptions { PersonCount = settings.Persons, Seed = settings.Seed })
                    .Generate(RegistryCsv.LoadCounty(ConfigFolder.SampleCounty)));
            await using var twin = await DemoTwin.StartAsync(settings, registry, folder.FullName, cancellationToken);
            var endpoints = twin.Endpoints(registry);
            // Households get their 包户干部 (cadre_id), as `generate` writes them: each cadre's link lists their own.
            registry = EndpointGenerator.AssignCadres(registry, endpoints);

            var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            // The port is chosen before the hub starts: broadcasters' SMS links must name the address the hub listens on.
            var hub = new Uri($"http://127.0.0.1:{FreeLoopbackPort().ToString(CultureInfo.InvariantCulture)}/");
            var overrides = Overrides(folder.FullName, apiKey, hub, twin.Smsc.Port);
            foreach (var (key, value) in twin.Settings()) overrides[key] = value;
            var app = HubHost.Build([], overrides: overrides, loadConfigFile: false, configure: b => QuietLogging(b.Logging));
            await using (app)
            {
                await app.Services.GetRequiredService<SqliteRegistryStore>().SaveAsync(registry, endpoints, cancellationToken);
                await app.StartAsync(cancellationToken);
                using var http = new HttpClient { BaseAddress = hub };
                http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
                await twin.ConnectAsync(app, hub, cancellationToken);
                var synthesizer = app.Services.GetRequiredService<ISpeechSynthesizer>();
                var speech = await synthesizer.CheckAvailabilityAsync(cancellationToken);
                if (!settings.Json) DescribeTwin(twin, registry, endpoints, speech, synthesizer.Profile);

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
                twin.WarningId = id;
                var accepted = clock.Elapsed;
                if (!settings.Json)
                {
                    console.MarkupLineInterpolated($"Warning [bold]{id}[/] accepted (HTTP 202) {accepted.TotalSeconds:F1} s into the demo; sending to {settings.Persons:N0} persons of {registry.County.Name}");
                    console.MarkupLineInterpolated($"This demo runs a compressed timeline: 叫应 deadline {AckDeadline.TotalSeconds:F0} s, door-to-door after {DoorDelay.TotalSeconds:F0} s (a real red warning: 5 and 10 minutes). It shortens these two settings rather than compressing a clock: the hub runs in real time, so that the loop closes within the demo.");
                }
                var acceptedAt = TimeProvider.System.GetUtcNow();

                var final = await WatchAsync(http, id, cancellationToken);
                // Officers close the loop: 叫应 answered or escalated, door-to-door links opened and households marked.
                var settled = await twin.SettleOfficersAsync(acceptedAt + DoorDelay + TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(90), cancellationToken);
                await twin.FinishAsync(id, cancellationToken);
                var reach = await http.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{id}/reach", cancellationToken);
                var board = await http.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{id}/acknowledgements", cancellationToken);
                if (!settled && !settings.Json) console.MarkupLine("[yellow]Officers were still answering when the demo stopped waiting for them.[/]");
                var elapsed = clock.Elapsed;
                var bulletin = await BulletinAsync(app, id, synthesizer.Profile, cancellationToken);
                await app.StopAsync(CancellationToken.None);
                var result = new DemoResult(id, final, reach, elapsed, bulletin, twin) { Board = board };
                if (settings.Json) WriteJson(result);
                else PrintReport(result);
                return final.AllFinal ? 0 : 1;
            }
        }
        catch (DemoTwinException e)
        {
            if (settings.Json) await Console.Error.WriteLineAsync($"The demo could not run: {e.Message}");
            else console.MarkupLineInterpolated($"[red]The demo could not run:[/] {e.Message}");
            return 1;
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { /* a file still open on a slow shutdown: temp is cleaned by the OS */ }
        }
    }

    /// <summary>The bulletin the terminals got, as the audio module made it (made once per warning, so this is the cached one).</summary>
    private static async Task<DemoBulletin.Made> BulletinAsync(WebApplication app, string id, string engine, CancellationToken cancellationToken)
    {
        var record = await app.Services.GetRequiredService<IWarningStore>().GetAsync(id, cancellationToken)
            ?? throw new InvalidOperationException($"Warning {id} is not in the store.");
        var bulletin = await app.Services.GetRequiredService<IWarningAudio>().GetAsync(record, DemoBulletin.Language, cancellationToken);
        return new DemoBulletin.Made(engine, bulletin.SpeechProblem, bulletin.Clip.Duration, bulletin.Text);
    }

    private Dictionary<string, string?> Overrides(string folder, string apiKey, Uri hub, int smscPort) => new()
    {
        ["urls"] = hub.GetLeftPart(UriPartial.Authority),
        ["WarningHub:Hub:DatabasePath"] = Path.Combine(folder, "warninghub.db"),
        ["WarningHub:Hub:Agencies:0:Name"] = "jingyan-weather",
        ["WarningHub:Hub:Agencies:0:ApiKey"] = apiKey,
        ["WarningHub:Hub:Agencies:0:Senders:0"] = Sender,
        // The demo shows the way out to the county, not 审核签发: its red warning is released without approvers, said here on purpose.
        ["WarningHub:Approval:Rules:0:Approvers"] = "0",
        ["WarningHub:Engine:ReceiptWindow"] = "00:01:00",
        ["WarningHub:Engine:LinkSecret"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
        ["WarningHub:Engine:PublicBaseUrl"] = hub.GetLeftPart(UriPartial.Authority),
        ["WarningHub:Engine:RepeatEvery:Red"] = RepeatEvery.ToString("c", CultureInfo.InvariantCulture),
        ["WarningHub:Sms:Smpp:demo:Host"] = "127.0.0.1",
        ["WarningHub:Sms:Smpp:demo:Port"] = smscPort.ToString(CultureInfo.InvariantCulture),
        ["WarningHub:Sms:Smpp:demo:SystemId"] = "warninghub",
        ["WarningHub:Sms:Smpp:demo:Password"] = "secret",
        ["WarningHub:Sms:Smpp:demo:Binds"] = "2",
        ["WarningHub:Sms:Smpp:demo:Window"] = "64",
        ["WarningHub:Sms:Smpp:demo:RateLimitPerSecond"] = settings.RatePerSecond.ToString(CultureInfo.InvariantCulture),
        ["WarningHub:Sms:Smpp:demo:SourceAddress"] = DemoTwin.HubNumber,
        ["WarningHub:Acknowledgements:Deadlines:Red"] = AckDeadline.ToString("c", CultureInfo.InvariantCulture),
        ["WarningHub:DoorToDoor:Delays:Red"] = DoorDelay.ToString("c", CultureInfo.InvariantCulture),
        ["WarningHub:Notices:PollInterval"] = "00:00:00.250",
        // The bulletin: the demo's short script spoken once (see DemoBulletin); the alert tones are the real ones.
        ["WarningHub:Audio:Repeats"] = "1",
        ["WarningHub:Audio:TemplateFolder"] = DemoBulletin.WriteTemplates(folder),
    };

    /// <summary>Warnings and errors only, and on standard error, so `--json` keeps standard output to one object.</summary>
    private static void QuietLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Hangfire", LogLevel.Error)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Error)
            // The demo says itself, in one line, whether bulletins are spoken.
            .AddFilter("WarningHub.Server.Audio.SpeechCheck", LogLevel.None)
            .AddFilter("WarningHub.Audio.EspeakSynthesizer", LogLevel.Error)
            .AddFilter("WarningHub.Audio.WarningAudio", LogLevel.Error);
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private T Status<T>(string what, Func<T> work) =>
        settings.Json ? work() : console.Status().Start(what, _ => work());
}
