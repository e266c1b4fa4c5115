using System.Globalization;
using Microsoft.Data.Sqlite;
using WarningHub.Abstractions;
using WarningHub.FaultBattery.Carriers;
using WarningHub.Testing;

namespace WarningHub.FaultBattery;

public static partial class FaultBattery
{
    /// <summary>What a hub whose SMPP password is wrong showed, to /health, in its ledger and in `serve`'s own output.</summary>
    /// <param name="Problem">The gateway's problem as /health words it; null when it never named the gateway.</param>
    /// <param name="RefusedBinds">Binds the SMSC refused.</param>
    /// <param name="Submits">Submits that reached the SMSC (none may: it never bound).</param>
    /// <param name="Slots">The warning's SMS slots in the ledger after `serve` stopped.</param>
    /// <param name="Waiting">Of those, slots not yet sent (planned, queued): kept for the gateway.</param>
    /// <param name="Failed">Of those, slots ended Failed, Expired or Cancelled.</param>
    /// <param name="AttemptsSpent">Attempts recorded on the slots: a send that never left is not an attempt.</param>
    /// <param name="GatewayDownLine">The line of `serve`'s output that tells the operator the gateway is down; null when none did.</param>
    public sealed record SmppWrongPasswordResult(string? Problem, long RefusedBinds, long Submits, int Slots, int Waiting, int Failed, int AttemptsSpent,
        string? GatewayDownLine);

    /// <summary>
    /// `warninghub serve` as a child process, with the npm SMSC expecting another password than the hub's: /health must
    /// name the gateway and the settings to check, the warning's SMS slots wait without spending attempts, and the
    /// operator sees the gateway down in `serve`'s output (issue 9, item 1; the carriers' version is
    /// <see cref="CarrierBattery.WrongPasswordAsync"/>).
    /// </summary>
    public static async Task<SmppWrongPasswordResult> SmppWrongPasswordAsync(BatteryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = Directory.CreateTempSubdirectory("warninghub-smpp-password-");
        try
        {
            await using var peer = await SmscPeer.StartAsync("--password", "not-ours");
            var settings = BatteryHub.Settings(folder.FullName, peer.Port, options);
            var database = settings["WarningHub:Hub:DatabasePath"]!;
            await BatteryHub.SaveRegistryAsync(database, options);
            var config = Path.Combine(folder.FullName, "warninghub.json");
            await File.WriteAllTextAsync(config, ServeProcess.SettingsJson(settings));
            var urls = $"http://127.0.0.1:{LoopbackPort.Free().ToString(CultureInfo.InvariantCulture)}";
            using var http = BatteryHub.Client(new Uri(urls));
            string id;
            string? problem = null;
            string? downLine;
            await using (var serve = ServeProcess.Start(config, folder.FullName, urls))
            {
                await serve.WaitHealthyAsync(http, TimeSpan.FromSeconds(90));
                id = await BatteryHub.SubmitAsync(http, TimeProvider.System.GetUtcNow());
                await Eventually.TrueAsync(async () => (problem = await CarrierBattery.GatewayProblemAsync(http, $"smpp:{BatteryHub.Gateway}")) is not null,
                    TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
                // The warning is planned and its shards have met the missing bind: they are parked, which `serve` says.
                await Eventually.TrueAsync(async () => BatteryHub.Sms(await BatteryHub.StatusAsync(http, id), "planned") > 0, TimeSpan.FromSeconds(30),
                    TimeSpan.FromMilliseconds(100));
                await Eventually.TrueAsync(() => serve.Printed(GatewayDownText) is not null, TimeSpan.FromSeconds(30));
                downLine = serve.Printed(GatewayDownText);
                await serve.StopAsync(TimeSpan.FromSeconds(60));
            }

            SqliteConnection.ClearAllPools();
            var (slots, _) = LedgerView.Read(database, id);
            options.Log?.Invoke($"SMPP wrong password: /health says: {problem}; serve printed: {downLine}");
            return new SmppWrongPasswordResult(problem, peer.RefusedBinds, peer.Submits, slots.Count,
                slots.Count(s => s.State < DeliveryStatus.Sending),
                slots.Count(s => s.State is DeliveryStatus.Failed or DeliveryStatus.Expired or DeliveryStatus.Cancelled),
                slots.Sum(s => s.Attempts), downLine);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    /// <summary>The words of the engine's gateway-down log line (GatewayWaits, event 1401).</summary>
    public const string GatewayDownText = "Its messages wait for it without spending attempts";
}
