using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WarningHub.Testing;

namespace WarningHub.FaultBattery.Carriers;

public static partial class CarrierBattery
{
    /// <summary>What /health said about a gateway that logs in with a wrong password, and what the simulator saw.</summary>
    /// <param name="Problem">The gateway's problem as /health words it; null when it never named the gateway.</param>
    /// <param name="RefusedLogins">Logins the simulator refused.</param>
    /// <param name="Submits">Submits that reached the simulator (none may: it never logged in).</param>
    /// <param name="Pending">SMS slots of the warning submitted meanwhile still pending: kept, not failed.</param>
    public sealed record WrongPasswordResult(string? Problem, long RefusedLogins, int Submits, int Pending);

    /// <summary>The hub with a gateway of <paramref name="kind"/> whose password is wrong: /health must name it and say which settings to check.</summary>
    public static async Task<WrongPasswordResult> WrongPasswordAsync(CarrierKind kind, BatteryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = Directory.CreateTempSubdirectory("warninghub-carrier-password-");
        try
        {
            var listenPort = kind == CarrierKind.Sgip ? LoopbackPort.Free() : 0;
            await using var peer = CarrierPeer.Start(kind, spListenPort: listenPort);
            var settings = HubSettings(folder.FullName, options, peer.Settings(Gateway, peer.Port, options.PartsPerSecond, "not-the-password", listenPort));
            await BatteryHub.SaveRegistryAsync(settings["WarningHub:Hub:DatabasePath"]!, options);
            var (app, http) = await BatteryHub.StartInProcessAsync(settings, null);
            try
            {
                var id = await BatteryHub.SubmitAsync(http, TimeProvider.System.GetUtcNow());
                string? problem = null;
                await Eventually.TrueAsync(async () => (problem = await GatewayProblemAsync(http, peer.AdapterName(Gateway))) is not null,
                    TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
                var status = await BatteryHub.StatusAsync(http, id);
                await Eventually.TrueAsync(async () => BatteryHub.Sms(status = await BatteryHub.StatusAsync(http, id), "planned") > 0,
                    TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
                options.Log?.Invoke($"{kind} wrong password: /health says: {problem}");
                return new WrongPasswordResult(problem, peer.RefusedLogins, peer.Submits.Count, BatteryHub.Sms(status, "pending"));
            }
            finally
            {
                http.Dispose();
                using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60))) await app.StopAsync(stop.Token);
                await app.DisposeAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    /// <summary>The problem /health reports for the adapter named <paramref name="adapter"/>, or null.</summary>
    internal static async Task<string?> GatewayProblemAsync(HttpClient http, string adapter)
    {
        var health = await http.GetFromJsonAsync<JsonElement>("/health");
        return health.GetProperty("problems").EnumerateArray()
            .Where(p => p.GetProperty("name").GetString() is { } name && name.Contains(adapter, StringComparison.Ordinal))
            .Select(p => p.GetProperty("problem").GetString()).FirstOrDefault();
    }

    /// <summary>`serve` as a child process, killed (SIGKILL) once half the phones have a whole message, then started again.</summary>
    private static async Task<string> KillAndRestartAsync(CarrierPeer peer, Dictionary<string, string?> settings, string folder, int phones,
        Dictionary<string, double> evidence, BatteryOptions options)
    {
        var urls = $"http://127.0.0.1:{LoopbackPort.Free().ToString(CultureInfo.InvariantCulture)}";
        var config = Path.Combine(folder, "warninghub.json");
        await File.WriteAllTextAsync(config, ServeProcess.SettingsJson(settings));
        using var http = BatteryHub.Client(new Uri(urls));
        string id;
        await using (var first = ServeProcess.Start(config, folder, urls))
        {
            await first.WaitHealthyAsync(http, TimeSpan.FromSeconds(90));
            id = await BatteryHub.SubmitAsync(http, TimeProvider.System.GetUtcNow());
            if (!await Eventually.TrueAsync(() => peer.PhonesWithAMessage >= phones / 2, options.PerFaultLimit))
                throw new TimeoutException($"only {peer.PhonesWithAMessage} of {phones} phones had a message: {first.Tail}");
            await first.KillAsync();
            evidence["phonesAtStop"] = peer.PhonesWithAMessage;
            evidence["phonesAtStopPercent"] = Math.Round(100.0 * peer.PhonesWithAMessage / phones, 1);
        }

        SqliteConnection.ClearAllPools();
        await using var second = ServeProcess.Start(config, folder, urls);
        await second.WaitHealthyAsync(http, TimeSpan.FromSeconds(90));
        await WaitFinalAsync(http, id, options);
        await second.StopAsync(TimeSpan.FromSeconds(60));
        return id;
    }
}
