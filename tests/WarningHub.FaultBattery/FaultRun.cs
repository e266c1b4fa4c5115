using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WarningHub.Testing;
using WarningHub.Testing.Faults;

namespace WarningHub.FaultBattery;

/// <summary>One fault's run: the hub started, the warning submitted, the fault applied, every slot waited to its end.</summary>
internal sealed class FaultRun(Fault fault, BatteryOptions options, SmscPeer peer, FaultProxy? proxy, Dictionary<string, string?> settings,
    string folder, int phones)
{
    /// <summary>How much faster than the wall clock the hub's time runs while the SMSC is down.</summary>
    private const double OutageSpeed = 100;

    private static readonly TimeSpan Outage = TimeSpan.FromMinutes(10);

    public Dictionary<string, double> Evidence { get; } = [];

    /// <summary>The hub in this process; for the outage, on a <see cref="PacedClock"/>.</summary>
    public async Task<string> InProcessAsync()
    {
        using var paced = fault == Fault.SmscDown ? new PacedClock(TimeProvider.System.GetUtcNow()) : null;
        TimeProvider time = paced is null ? TimeProvider.System : paced.Time;
        var (app, http) = await BatteryHub.StartInProcessAsync(settings, paced?.Time);
        try
        {
            var id = await BatteryHub.SubmitAsync(http, time.GetUtcNow());
            if (paced is not null) await OutageAsync(http, id, paced);
            await WaitFinalAsync(http, id);
            return id;
        }
        finally
        {
            http.Dispose();
            using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60))) await app.StopAsync(stop.Token);
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>`serve` as a child process, stopped (SIGKILL or SIGTERM) once a share of phones has a whole message, then started again.</summary>
    public async Task<string> ServeAsync()
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
            var target = (int)Math.Ceiling(fault.StopAt!.Value * phones);
            if (!await FaultBattery.Until(() => peer.PhonesWithAMessage >= target, options.PerFaultLimit))
                throw new TimeoutException($"{fault}: only {peer.PhonesWithAMessage} of {phones} phones had a message: {first.Tail}");
            if (fault.IsKill)
            {
                await first.KillAsync();
            }
            else
            {
                Evidence["exitCode"] = await first.StopAsync(TimeSpan.FromSeconds(60));
            }
            Evidence["phonesAtStop"] = peer.PhonesWithAMessage;
            Evidence["phonesAtStopPercent"] = Math.Round(100.0 * peer.PhonesWithAMessage / phones, 1);
        }
        SqliteConnection.ClearAllPools();

        await using var second = ServeProcess.Start(config, folder, urls);
        await second.WaitHealthyAsync(http, TimeSpan.FromSeconds(90));
        await WaitFinalAsync(http, id);
        await second.StopAsync(TimeSpan.FromSeconds(60));
        return id;
    }

    /// <summary>
    /// The SMSC goes down a third of the way through the fan-out; the hub's clock then runs <see cref="OutageSpeed"/>
    /// times as fast until ten minutes of its time have passed, and the SMSC comes back.
    /// </summary>
    private async Task OutageAsync(HttpClient http, string id, PacedClock paced)
    {
        var third = phones / 3;
        if (!await FaultBattery.Until(() => peer.PhonesWithAMessage >= third, options.PerFaultLimit))
            throw new TimeoutException($"{fault}: only {peer.PhonesWithAMessage} of {phones} phones had a message before the outage");
        var downAt = paced.Time.GetUtcNow();
        proxy!.Down = true;
        Evidence["phonesBeforeOutage"] = peer.PhonesWithAMessage;
        var waiting = await WaitAsync(http, id, s => s.GetProperty("waiting").GetArrayLength() > 0, TimeSpan.FromSeconds(60));
        Evidence["waitingShown"] = waiting is null ? 0 : 1;
        if (waiting is { } shown) options.Log?.Invoke($"{fault}: status while down: {shown.GetProperty("waiting")[0].GetProperty("text").GetString()}");

        paced.Speed = OutageSpeed;
        var passed = await FaultBattery.Until(() => paced.Time.GetUtcNow() - downAt >= Outage, TimeSpan.FromMinutes(2));
        paced.Speed = 1;
        var during = await BatteryHub.StatusAsync(http, id);
        Evidence["hubMinutesDown"] = Math.Round((paced.Time.GetUtcNow() - downAt).TotalMinutes, 1);
        Evidence["failedWhileDown"] = BatteryHub.Sms(during, "failed");
        if (!passed) throw new TimeoutException($"{fault}: the hub's clock did not reach ten minutes of outage");
        proxy.Down = false;
    }

    private async Task WaitFinalAsync(HttpClient http, string id)
    {
        var final = await WaitAsync(http, id, BatteryHub.AllFinal, options.PerFaultLimit);
        if (final is null)
        {
            var last = await BatteryHub.StatusAsync(http, id);
            throw new TimeoutException($"{fault}: not every slot was final after {options.PerFaultLimit}: {last.GetProperty("channels")}");
        }
    }

    private static async Task<JsonElement?> WaitAsync(HttpClient http, string id, Func<JsonElement, bool> done, TimeSpan timeout)
    {
        JsonElement status = default;
        return await Eventually.TrueAsync(async () => done(status = await BatteryHub.StatusAsync(http, id)), timeout, TimeSpan.FromMilliseconds(100))
            ? status
            : null;
    }
}
