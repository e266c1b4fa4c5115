using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using WarningHub.Core.Registry;
using WarningHub.Server;
using WarningHub.Storage.Sqlite;

namespace WarningHub.FaultBattery;

/// <summary>The hub's settings for the battery, and the hub run in this process.</summary>
internal static class BatteryHub
{
    public const string ApiKey = "fault-battery-key-0123456789abcdef";
    public const string Gateway = "node";

    /// <param name="smscPort">Where the SMPP gateway connects: the SMSC, or the fault proxy in front of it.</param>
    public static Dictionary<string, string?> Settings(string folder, int smscPort, BatteryOptions options) => new()
    {
        ["WarningHub:Hub:DatabasePath"] = Path.Combine(folder, "hub.db"),
        ["WarningHub:Hub:Agencies:0:Name"] = "jingyan-weather",
        ["WarningHub:Hub:Agencies:0:ApiKey"] = ApiKey,
        ["WarningHub:Hub:Agencies:0:Senders:0"] = BatteryWarning.Sample().Sender,
        // The battery measures sending under faults: its red warning is released without approvers, on purpose.
        ["WarningHub:Approval:Rules:0:Approvers"] = "0",
        ["WarningHub:Engine:LinkSecret"] = "fault-battery-link-secret-0123",
        ["WarningHub:Engine:ReceiptWindow"] = Duration(options.ReceiptWindow),
        ["WarningHub:Engine:ReceiptQueryAfter"] = "00:00:03",
        ["WarningHub:Engine:ReceiptSweepInterval"] = "00:00:01",
        ["WarningHub:Engine:RetryBaseDelay"] = "00:00:01",
        ["WarningHub:Engine:RetryMaxDelay"] = "00:00:05",
        [$"WarningHub:Sms:Smpp:{Gateway}:Host"] = "127.0.0.1",
        [$"WarningHub:Sms:Smpp:{Gateway}:Port"] = smscPort.ToString(CultureInfo.InvariantCulture),
        [$"WarningHub:Sms:Smpp:{Gateway}:SystemId"] = "warninghub",
        [$"WarningHub:Sms:Smpp:{Gateway}:Password"] = "secret",
        [$"WarningHub:Sms:Smpp:{Gateway}:Binds"] = "2",
        [$"WarningHub:Sms:Smpp:{Gateway}:Window"] = "64",
        [$"WarningHub:Sms:Smpp:{Gateway}:RateLimitPerSecond"] = options.PartsPerSecond.ToString(CultureInfo.InvariantCulture),
        [$"WarningHub:Sms:Smpp:{Gateway}:ResponseTimeout"] = "00:00:05",
        [$"WarningHub:Sms:Smpp:{Gateway}:ThrottlePause"] = "00:00:00.050",
        [$"WarningHub:Sms:Smpp:{Gateway}:ReconnectMin"] = "00:00:00.200",
        [$"WarningHub:Sms:Smpp:{Gateway}:ReconnectMax"] = "00:00:01",
    };

    /// <summary>The generated county, stored in the hub's database before the hub starts (its registry loads it then).</summary>
    public static async Task<CountyRegistry> SaveRegistryAsync(string databasePath, BatteryOptions options)
    {
        var registry = new CountyGenerator(new CountyGeneratorOptions { PersonCount = options.Persons, Seed = options.Seed })
            .Generate(RegistryCsv.LoadCounty(BatteryFiles.SampleCounty));
        await using (var db = new SqliteDatabase(new SqliteOptions { Path = databasePath }))
        {
            await new SqliteRegistryStore(db).SaveAsync(registry, default);
        }
        SqliteConnection.ClearAllPools();
        return registry;
    }

    /// <summary>Starts the hub in this process; with <paramref name="time"/>, on that clock.</summary>
    public static async Task<(WebApplication App, HttpClient Http)> StartInProcessAsync(Dictionary<string, string?> settings, TimeProvider? time)
    {
        var all = new Dictionary<string, string?>(settings) { ["urls"] = "http://127.0.0.1:0" };
        var app = HubHost.Build([], loadConfigFile: false, overrides: all, configure: b =>
        {
            b.Logging.ClearProviders();
            b.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            b.Logging.SetMinimumLevel(LogLevel.Error);
            if (time is not null) b.Services.Replace(ServiceDescriptor.Singleton(time));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, Client(new Uri(address)));
    }

    public static HttpClient Client(Uri address)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return http;
    }

    public static async Task<string> SubmitAsync(HttpClient http, DateTimeOffset now)
    {
        using var response = await http.PostAsync(new Uri("/api/v1/warnings", UriKind.Relative),
            new StringContent(BatteryWarning.Live(now), Encoding.UTF8, "application/cap+xml"));
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 202) throw new InvalidOperationException($"the warning was not accepted: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public static Task<JsonElement> StatusAsync(HttpClient http, string id) => http.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{id}");

    public static int Sms(JsonElement status, string count) =>
        status.GetProperty("channels").TryGetProperty("sms", out var sms) ? sms.GetProperty(count).GetInt32() : 0;

    /// <summary>Every SMS slot final: released, planned, nothing pending nor awaiting a receipt.</summary>
    public static bool AllFinal(JsonElement status) =>
        status.GetProperty("state").GetString() is not ("Accepted" or "Releasing")
        && Sms(status, "planned") > 0 && Sms(status, "pending") == 0 && Sms(status, "awaitingReceipt") == 0;

    private static string Duration(TimeSpan span) => span.ToString("c", CultureInfo.InvariantCulture);
}
