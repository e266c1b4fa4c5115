using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WarningHub.Core.Cap;
using WarningHub.Core.Registry;
using WarningHub.Server;
using WarningHub.Simulators.Smsc;
using WarningHub.Storage.Sqlite;

namespace WarningHub.EndToEnd.Tests;

/// <summary>The whole hub in this process on loopback, with a simulated SMSC and a generated county.</summary>
internal sealed class TestHub : IAsyncDisposable
{
    public const string ApiKey = "e2e-test-key-0123456789abcdef";
    public const string OtherAgencyKey = "other-agency-key-0123456789";

    /// <summary>The county's operators: they read every warning, also those of other agencies and upstream feeds.</summary>
    public const string OperatorKey = "county-operators-key-0123456789";
    public const string Sender = "jingyan.qxj@weather.example";

    private readonly DirectoryInfo _folder;

    private TestHub(DirectoryInfo folder, SmscSimulator smsc, WebApplication app, HttpClient http, CountyRegistry registry)
    {
        _folder = folder;
        Smsc = smsc;
        App = app;
        Http = http;
        Registry = registry;
    }

    public SmscSimulator Smsc { get; }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public CountyRegistry Registry { get; }

    /// <summary>The API as <paramref name="apiKey"/>'s agency sees it (null: anonymous). The caller disposes it.</summary>
    public HubApiClient Client(string? apiKey) => new(Http.BaseAddress!, apiKey);

    /// <param name="settings">Settings over the defaults of <see cref="Settings"/> (a key given here wins).</param>
    /// <param name="endpoints">Terminals, followers and officers, stored before the hub starts (its registry loads them then).</param>
    /// <param name="configure">More for the host builder (logging, services).</param>
    /// <param name="configFile">A settings file read first, as `serve --config` reads it; the test's settings go over it.</param>
    public static async Task<TestHub> StartAsync(int persons = 3000, int gatewayRate = 0, Action<SmscSimulatorOptions>? smsc = null,
        IReadOnlyDictionary<string, string?>? settings = null, Func<CountyRegistry, CountyEndpoints>? endpoints = null,
        Action<WebApplicationBuilder>? configure = null, string? configFile = null)
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-e2e-");
        var smscOptions = new SmscSimulatorOptions { RecordMessages = true };
        smsc?.Invoke(smscOptions);
        var simulator = new SmscSimulator(smscOptions);
        simulator.Start();
        var registry = new CountyGenerator(new CountyGeneratorOptions { PersonCount = persons, Seed = 11 }).Generate(RegistryCsv.LoadCounty(Repo.SampleCounty));
        // The hub's public address is its real one, so the links it hands out (feeds, clips, broadcasters) lead back to it.
        // A free port can be taken by another process before the hub binds it: then the hub is built again on another.
        WebApplication app;
        for (var attempt = 1; ; attempt++)
        {
            var all = Settings(folder.FullName, simulator.Port, gatewayRate);
            var address = $"http://127.0.0.1:{LoopbackPort.Free().ToString(CultureInfo.InvariantCulture)}";
            all["urls"] = address;
            all["WarningHub:Engine:PublicBaseUrl"] = address;
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
            app = HubHost.Build([], configFile, loadConfigFile: configFile is not null, overrides: all, configure: b =>
            {
                b.Logging.SetMinimumLevel(LogLevel.Warning);
                configure?.Invoke(b);
            });
            var store = app.Services.GetRequiredService<SqliteRegistryStore>();
            await store.SaveAsync(registry, default);
            if (endpoints is not null) await store.SaveEndpointsAsync(endpoints(registry), default);
            try
            {
                await app.StartAsync();
                break;
            }
            catch (IOException e) when (attempt < 5 && e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                await app.DisposeAsync();
            }
        }
        var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(listening) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return new TestHub(folder, simulator, app, http, registry);
    }

    public static Dictionary<string, string?> Settings(string folder, int smscPort, int gatewayRate) => new()
    {
        ["urls"] = "http://127.0.0.1:0",
        ["WarningHub:Hub:DatabasePath"] = Path.Combine(folder, "hub.db"),
        ["WarningHub:Hub:Agencies:0:Name"] = "jingyan-weather",
        ["WarningHub:Hub:Agencies:0:ApiKey"] = ApiKey,
        ["WarningHub:Hub:Agencies:0:Senders:0"] = Sender,
        ["WarningHub:Hub:Agencies:1:Name"] = "other-agency",
        ["WarningHub:Hub:Agencies:1:ApiKey"] = OtherAgencyKey,
        ["WarningHub:Hub:Agencies:2:Name"] = "county-operators",
        ["WarningHub:Hub:Agencies:2:ApiKey"] = OperatorKey,
        ["WarningHub:Hub:Agencies:2:ReadsAll"] = "true",
        // The tests of sending release at once; the approval tests set their own rules over this one.
        ["WarningHub:Approval:Rules:0:Approvers"] = "0",
        ["WarningHub:Engine:ReceiptWindow"] = "00:00:05",
        ["WarningHub:Engine:LinkSecret"] = "e2e-link-secret-0123456789",
        ["WarningHub:Engine:ReceiptSweepInterval"] = "00:00:01",
        ["WarningHub:Engine:RetryBaseDelay"] = "00:00:01",
        ["WarningHub:Sms:Smpp:sim:Host"] = "127.0.0.1",
        ["WarningHub:Sms:Smpp:sim:Port"] = smscPort.ToString(CultureInfo.InvariantCulture),
        ["WarningHub:Sms:Smpp:sim:SystemId"] = "warninghub",
        ["WarningHub:Sms:Smpp:sim:Password"] = "secret",
        ["WarningHub:Sms:Smpp:sim:Binds"] = "2",
        ["WarningHub:Sms:Smpp:sim:RateLimitPerSecond"] = gatewayRate.ToString(CultureInfo.InvariantCulture),
        ["WarningHub:Sms:Smpp:sim:ReconnectMin"] = "00:00:00.200",
        ["WarningHub:Sms:Smpp:sim:ReconnectMax"] = "00:00:01",
    };

    public Task<HttpResponseMessage> SubmitAsync(CapAlert alert) => SubmitRawAsync(LiveWarning.Xml(alert), "application/cap+xml");

    public Task<HttpResponseMessage> SubmitRawAsync(string body, string mediaType, HttpClient? client = null) =>
        (client ?? Http).PostAsync(new Uri("/api/v1/warnings", UriKind.Relative), new StringContent(body, Encoding.UTF8, mediaType));

    public async Task<string> SubmitAcceptedAsync(CapAlert alert)
    {
        using var response = await SubmitAsync(alert);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 202, $"expected 202, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public Task<JsonElement> WarningAsync(string id) => Http.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{id}");

    public Task<JsonElement> ReachAsync(string id) => Http.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{id}/reach");

    public static Task<JsonElement> WaitAllFinalAsync(HttpClient http, string id, TimeSpan timeout) =>
        WaitForAsync(http, id, w => w.GetProperty("state").GetString() is not ("Accepted" or "Releasing")
            && Sms(w, "planned") > 0 && Sms(w, "pending") == 0, timeout);

    public Task<JsonElement> WaitAllFinalAsync(string id, TimeSpan? timeout = null) => WaitAllFinalAsync(Http, id, timeout ?? TimeSpan.FromSeconds(60));

    public static async Task<JsonElement> WaitForAsync(HttpClient http, string id, Func<JsonElement, bool> done, TimeSpan timeout)
    {
        JsonElement last = default;
        var reached = await Eventually.TrueAsync(async () =>
        {
            last = await http.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{id}");
            return done(last);
        }, timeout, TimeSpan.FromMilliseconds(100));
        Assert.True(reached, $"condition not reached in {timeout}: {last}");
        return last;
    }

    /// <summary>
    /// Waits until the SMSC has whole every message the hub counts as sent, then checks that it has no more: a message
    /// for a slot that ended unsent (expired, cancelled) would be one more. The signal replaces a sleep.
    /// </summary>
    public async Task AssertSmscHasExactlyTheSentMessagesAsync(string id)
    {
        var sent = Sms(await WarningAsync(id), "sent");
        await Eventually.TrueAsync(() => Smsc.ReceivedMessages.Count >= sent, TimeSpan.FromSeconds(10));
        Assert.Equal(sent, Smsc.ReceivedMessages.Count);
    }

    public static int Sms(JsonElement warning, string count) => warning.GetProperty("channels").GetProperty("sms").GetProperty(count).GetInt32();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Smsc.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { _folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
    }
}
