using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Smpp;
using WarningHub.Core.Cap;
using WarningHub.Core.Planning;
using WarningHub.Core.Registry;
using WarningHub.Server;
using WarningHub.Simulators.Smsc;
using WarningHub.Storage.Sqlite;

namespace WarningHub.Bench.Scenarios;

/// <summary>
/// <c>e2e --persons 200000 [--json]</c>: the whole path of the demo, timed. The SMSC simulator on loopback answers
/// and sends receipts at once (no latency, no receipt delay, no failures, no rate limit); the hub is built with
/// <see cref="HubHost"/> on a temporary database, its SMPP gateway unlimited; the generated county is saved before
/// start; a live red rainstorm warning with a one-part SMS is POSTed. Times run from the 202 answer: first submit_sm
/// at the simulator, every slot handed over, every slot final. The hub is cold (the first warning after a start)
/// unless <c>--warmup</c> sends a Test warning to the test recipients first.
/// <para>
/// <c>--gateways N --gateway-rate R</c>: N SMPP gateways, each limited to R parts a second, each to its own simulator,
/// sharing the numbers by the default routes; the report adds the bound of issue 12, every phone final within
/// 1.05 × slots ÷ (N × R) + 2 s: the engine is never the bottleneck under real gateway limits.
/// </para>
/// </summary>
internal static partial class EndToEndScenario
{
    private const string Gateway = "bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = Settings.Parse(args, out var problem);
        if (settings is null) return await BenchArgs.UsageAsync("e2e", "e2e: " + problem);

        var registry = SampleCounty.Generate(settings.Persons, settings.Seed);
        // The same planner the hub runs, on the same registry: how many slots to wait for.
        var expectedSlots = WarningPlanner.Plan(0, SampleCounty.WholeCounty, registry, SampleCounty.ShardSize).Channels.Sum(c => c.Slots.Count);
        var text = BenchWarning.SmsTextOf();
        var partsPerMessage = BenchWarning.Ucs2Parts(text);
        if (partsPerMessage != 1)
        {
            await Console.Error.WriteLineAsync($"e2e: the SMS text has {text.Length} characters and needs {partsPerMessage} parts; the benchmark expects one.");
            return 1;
        }

        var folder = Directory.CreateTempSubdirectory("warninghub-bench-e2e-");
        try
        {
            var smsc = new SmscFarm(settings.Gateways);
            await using (smsc)
            {
                var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
                WebApplication app;
                try
                {
                    app = HubHost.Build([], overrides: Overrides(settings, folder.FullName, apiKey, smsc.Ports), loadConfigFile: false,
                        configure: b =>
                        {
                            // stdout carries the figures only; the hub's warnings and errors go to stderr.
                            b.Logging.ClearProviders();
                            b.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
                            b.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Hangfire", LogLevel.Error).AddFilter("Microsoft.AspNetCore", LogLevel.Error);
                        });
                }
                catch (HubConfigurationException ex)
                {
                    // The hub gained a required setting the benchmark does not set yet.
                    return await FailAsync(ex.Message);
                }

                await using (app)
                {
                    try
                    {
                        return await RunHubAsync(app, smsc, settings, registry, apiKey, expectedSlots, text.Length, partsPerMessage);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
                    {
                        return await FailAsync($"{ex.GetType().Name}: {ex.Message}");
                    }
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a slow shutdown: the temporary folder is the OS's to clean.
            }
        }
    }

    private static async Task<int> RunHubAsync(WebApplication app, SmscFarm smsc, Settings settings, CountyRegistry registry, string apiKey,
        int expectedSlots, int smsChars, int partsPerMessage)
    {
        using var deadline = new CancellationTokenSource(settings.Timeout);
        await app.Services.GetRequiredService<SqliteRegistryStore>().SaveAsync(registry, deadline.Token);
        await app.StartAsync(deadline.Token);
        var gateways = Enumerable.Range(0, settings.Gateways).Select(i => app.Services.GetRequiredKeyedService<SmppGateway>(GatewayName(i))).ToList();
        if (!await WaitAsync(() => gateways.All(g => g.LiveBinds >= settings.Binds), FastPoll, TimeSpan.FromSeconds(10)))
            return await FailAsync($"only {gateways.Sum(g => g.LiveBinds)} of {settings.Gateways * settings.Binds} SMPP binds came up within 10 s");

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);

        if (settings.Warmup)
        {
            var warmup = await PostAsync(http, BenchWarning.Live(TimeProvider.System.GetUtcNow(), CapStatus.Test), deadline.Token);
            if (warmup.Problem is not null) return await FailAsync("warm-up: " + warmup.Problem);
            if (!await WaitAsync(async () => (await ReadProgressAsync(http, warmup.Id!, deadline.Token)).AllFinal, StatusPoll, TimeSpan.FromSeconds(60)))
                return await FailAsync("the warm-up Test warning did not reach a final state within 60 s");
            smsc.ResetFirstSubmit();
        }

        var before = new SmscCounts(smsc);
        var database = app.Services.GetRequiredService<SqliteDatabase>();
        var writerBefore = database.WriterUses;
        var receiptsBefore = app.Services.GetRequiredService<WarningHub.Engine.Receipts.UnrecordedSends>().Offered;
        var posted = await PostAsync(http, BenchWarning.Live(TimeProvider.System.GetUtcNow()), deadline.Token);
        if (posted.Problem is not null) return await FailAsync(posted.Problem);

        var run = await MeasureAsync(http, posted.Id!, smsc, before, posted.AcceptedAt, expectedSlots, settings.Timeout - TimeSpan.FromSeconds(5), deadline.Token);
        var receiptsAfter = app.Services.GetRequiredService<WarningHub.Engine.Receipts.UnrecordedSends>().Offered;
        await app.StopAsync(CancellationToken.None);
        if (run.Problem is not null) return await FailAsync(run.Problem);

        var writer = database.WriterUses.ToDictionary(
            w => w.Key,
            w => writerBefore.TryGetValue(w.Key, out var b) ? (w.Value.Transactions - b.Transactions, w.Value.Held - b.Held) : w.Value,
            StringComparer.Ordinal);
        var result = new Result(settings, expectedSlots, partsPerMessage, smsChars, posted.RoundTrip, run, new SmscCounts(smsc) - before, writer,
            (receiptsAfter.Attached - receiptsBefore.Attached, receiptsAfter.Held - receiptsBefore.Held, receiptsAfter.Unknown - receiptsBefore.Unknown));
        Report(result, settings.Json);
        return result.AllDelivered ? 0 : 1;
    }

    /// <summary>POSTs CAP XML; the id from the 202 and the moment it arrived, or why it was refused.</summary>
    private static async Task<Submission> PostAsync(HttpClient http, string capXml, CancellationToken cancellationToken)
    {
        using var content = new StringContent(capXml, Encoding.UTF8, "application/cap+xml");
        var sent = Clock.GetTimestamp();
        using var response = await http.PostAsync(new Uri("/api/v1/warnings", UriKind.Relative), content, cancellationToken);
        var accepted = Clock.GetTimestamp();
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if ((int)response.StatusCode != 202) return new Submission(null, 0, default, $"the hub refused the warning ({(int)response.StatusCode}): {body}");
        using var answer = JsonDocument.Parse(body);
        return new Submission(answer.RootElement.GetProperty("id").GetString(), accepted, Clock.GetElapsedTime(sent, accepted), null);
    }

    private static Dictionary<string, string?> Overrides(Settings settings, string folder, string apiKey, IReadOnlyList<int> smscPorts)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["WarningHub:Hub:DatabasePath"] = Path.Combine(folder, "warninghub.db"),
            ["WarningHub:Hub:Agencies:0:Name"] = "jingyan-weather",
            ["WarningHub:Hub:Agencies:0:ApiKey"] = apiKey,
            ["WarningHub:Hub:Agencies:0:Senders:0"] = BenchWarning.Sender,
            // The benchmark measures release to delivery: its warning is released without approvers, on purpose.
            ["WarningHub:Approval:Rules:0:Approvers"] = "0",
            ["WarningHub:Engine:Workers"] = Invariant(settings.Workers),
            ["WarningHub:Engine:LinkSecret"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ["WarningHub:Engine:SmsSignature"] = BenchWarning.Signature,
        };
        // Several gateways share the numbers by the default routes: one priority, equal weights.
        for (var i = 0; i < smscPorts.Count; i++)
        {
            var gateway = $"WarningHub:Sms:Smpp:{GatewayName(i)}";
            overrides[$"{gateway}:Host"] = "127.0.0.1";
            overrides[$"{gateway}:Port"] = Invariant(smscPorts[i]);
            overrides[$"{gateway}:SystemId"] = "warninghub";
            overrides[$"{gateway}:Password"] = "secret";
            overrides[$"{gateway}:Binds"] = Invariant(settings.Binds);
            overrides[$"{gateway}:Window"] = Invariant(settings.Window);
            overrides[$"{gateway}:RateLimitPerSecond"] = Invariant(settings.GatewayRate);
            overrides[$"{gateway}:SourceAddress"] = "12379";
        }
        return overrides;
    }

    private static string GatewayName(int index) => index == 0 ? Gateway : Gateway + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<int> FailAsync(string problem)
    {
        await Console.Error.WriteLineAsync("e2e: " + problem);
        return 1;
    }

    /// <param name="AcceptedAt">When the 202 arrived (a <see cref="TimeProvider.GetTimestamp"/>).</param>
    private sealed record Submission(string? Id, long AcceptedAt, TimeSpan RoundTrip, string? Problem);

    private sealed record Settings(int Persons, int Binds, int Window, int Workers, TimeSpan Timeout, long Seed, bool Warmup, bool Json,
        int Gateways, int GatewayRate)
    {
        public static Settings? Parse(string[] args, out string problem)
        {
            var unknown = BenchArgs.Unknown(args, ["--json", "--warmup"], ["--persons", "--binds", "--window", "--workers", "--timeout", "--seed", "--gateways", "--gateway-rate"]);
            var persons = BenchArgs.Int(args, "--persons", 200_000);
            var binds = BenchArgs.Int(args, "--binds", 4);
            var window = BenchArgs.Int(args, "--window", 256);
            var workers = BenchArgs.Int(args, "--workers", 4);
            var timeout = BenchArgs.Int(args, "--timeout", 600);
            var seed = BenchArgs.Int(args, "--seed", 1);
            var gateways = BenchArgs.Int(args, "--gateways", 1);
            var gatewayRate = BenchArgs.Int(args, "--gateway-rate", 0);
            problem = unknown.Count > 0 ? $"unknown option {unknown[0]}"
                : persons is not > 0 ? "--persons must be a positive whole number"
                : binds is not (>= 1 and <= 64) ? "--binds must be 1..64 (SmppOptions)"
                : window is not (>= 1 and <= 10_000) ? "--window must be 1..10000 (SmppOptions)"
                : workers is not (>= 1 and <= 64) ? "--workers must be 1..64 (EngineOptions)"
                : timeout is not (>= 10 and <= 3600) ? "--timeout must be 10..3600 seconds"
                : seed is null ? "--seed must be a whole number"
                : gateways is not (>= 1 and <= 8) ? "--gateways must be 1..8"
                : gatewayRate is not >= 0 ? "--gateway-rate must be 0 (unlimited) or more parts a second"
                : "";
            return problem.Length > 0 ? null
                : new Settings(persons!.Value, binds!.Value, window!.Value, workers!.Value, TimeSpan.FromSeconds(timeout!.Value), seed!.Value,
                    BenchArgs.Flag(args, "--warmup"), BenchArgs.Flag(args, "--json"), gateways!.Value, gatewayRate!.Value);
        }
    }
}
