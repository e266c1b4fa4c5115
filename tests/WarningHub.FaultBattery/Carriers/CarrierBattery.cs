using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WarningHub.Testing;
using WarningHub.Testing.Faults;

namespace WarningHub.FaultBattery.Carriers;

/// <summary>
/// The fault battery of issue 12 for the operators' own gateways: for each kind (CMPP, SGIP, SMGP) and each fault a
/// fresh hub with one gateway of that kind, the project's simulator of the operator's gateway behind the fault proxy,
/// one live red warning (three parts) to a generated county. Counted per phone at the simulator and per slot in the
/// ledger: every slot final, every phone one whole message (all parts, one reference), no repeat that is not flagged
/// "possibly duplicated", and the contracted rate never exceeded as the simulator saw the submits arrive.
/// </summary>
public static partial class CarrierBattery
{
    /// <summary>The gateway's name in the hub's settings.</summary>
    public const string Gateway = "carrier";

    /// <summary>
    /// Submits that may arrive within one second beyond the contracted rate, as a share of it: the hub paces its sends
    /// at the sender, but the simulator stamps arrivals when its thread, sharing two busy cores with the hub, gets to
    /// them, which bunches some. Unpaced, the adapters showed 21-28 % over (364-384 at 300/s); paced, at most 12 %.
    /// </summary>
    public const double RateSlack = 0.15;

    /// <summary>In <see cref="CarrierFault.Throttled"/> the gateway admits this share of the hub's contracted rate.</summary>
    public const double ThrottledShare = 0.6;

    /// <summary>How long the gateway stays unreachable in <see cref="CarrierFault.Outage"/>: beyond the battery's longest retry delay (5 s).</summary>
    public static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(8);

    public static async Task<FaultResult> RunAsync(CarrierKind kind, CarrierFault fault, BatteryOptions options)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("warninghub-carrier-faults-");
        try
        {
            options.Log?.Invoke($"{kind} {fault}: {fault.Description}, {options.Persons} persons at {options.PartsPerSecond} parts/s");
            var listenPort = kind == CarrierKind.Sgip ? LoopbackPort.Free() : 0;
            await using var peer = CarrierPeer.Start(kind, spListenPort: listenPort,
                admitPerSecond: fault == CarrierFault.Throttled ? (int)(options.PartsPerSecond * ThrottledShare) : 0);
            await using var proxy = fault == CarrierFault.LinkDrops ? FaultProxy.Start(peer.Port, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(100))
                : fault == CarrierFault.SlowAnswers ? FaultProxy.Start(peer.Port, responseDelay: TimeSpan.FromMilliseconds(500))
                : fault == CarrierFault.Outage ? FaultProxy.Start(peer.Port)
                : null;
            var settings = HubSettings(folder.FullName, options, peer.Settings(Gateway, proxy?.Port ?? peer.Port, options.PartsPerSecond, spListenPort: listenPort));
            var database = settings["WarningHub:Hub:DatabasePath"]!;
            var registry = await BatteryHub.SaveRegistryAsync(database, options);
            var phones = registry.Persons.Where(p => p.Phone is not null).Select(p => p.Phone!).Distinct(StringComparer.Ordinal).Count();
            var evidence = new Dictionary<string, double>();
            var id = fault == CarrierFault.Kill
                ? await KillAndRestartAsync(peer, settings, folder.FullName, phones, evidence, options)
                : await InProcessAsync(fault, peer, proxy, settings, phones, evidence, options);

            var (slots, _) = LedgerView.Read(database, id);
            var submits = peer.Submits;
            evidence["submits"] = submits.Count;
            evidence["flowControlled"] = peer.FlowControlled;
            evidence["highestPerSecond"] = SubmitTally.HighestPerSecond(submits);
            evidence["contractedPerSecond"] = options.PartsPerSecond;
            if (proxy is not null)
            {
                evidence["drops"] = proxy.Dropped;
                evidence["refusedConnects"] = proxy.Refused;
            }

            var counted = FaultBattery.Count(Fault.Routed, slots, SubmitTally.Received(submits), evidence, clock.Elapsed.TotalSeconds);
            var result = counted with { Fault = $"{kind.ToString().ToLowerInvariant()}:{fault.Name}", Problems = Problems(fault, counted) };
            options.Log?.Invoke($"{kind} {fault}: {(result.Passed ? "passed" : "FAILED: " + string.Join("; ", result.Problems))} in {result.Seconds:F0} s");
            return result;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    /// <summary>The battery's hub settings with its SMPP gateway replaced by <paramref name="gateways"/>.</summary>
    internal static Dictionary<string, string?> HubSettings(string folder, BatteryOptions options, params Dictionary<string, string?>[] gateways)
    {
        var settings = BatteryHub.Settings(folder, 1, options);
        foreach (var key in settings.Keys.Where(k => k.StartsWith("WarningHub:Sms:", StringComparison.Ordinal)).ToList()) settings.Remove(key);
        foreach (var gateway in gateways)
        {
            foreach (var (key, value) in gateway) settings[key] = value;
        }

        return settings;
    }

    /// <summary>Every rule of the battery that the run broke.</summary>
    internal static List<string> Problems(CarrierFault fault, FaultResult r)
    {
        double Get(string key) => r.Evidence.TryGetValue(key, out var v) ? v : 0;
        var problems = new List<string>();
        if (r.Phones == 0) problems.Add("no SMS slot was planned");
        if (r.Lost > 0) problems.Add($"{r.Lost} phone(s) got no whole message");
        if (r.FragmentsAlone > 0) problems.Add($"{r.FragmentsAlone} phone(s) got fragments without a whole message");
        if (r.FragmentsBesideWholeNotFlagged > 0) problems.Add(FaultBattery.FragmentsBesideWholeProblem(r));
        if (r.DuplicatedNotFlagged > 0) problems.Add($"{r.DuplicatedNotFlagged} phone(s) got it twice without the flag");
        if (r.NotFinal > 0) problems.Add($"{r.NotFinal} slot(s) not final");
        if (r.Failed > 0) problems.Add($"{r.Failed} slot(s) failed");
        if (!fault.LosesLinks && r.Flagged > 0) problems.Add($"{r.Flagged} slot(s) flagged although no link or process was lost");
        // As in the SMPP battery: a submit written in the instant its link dies may never reach the gateway, and the hub
        // must flag it; an outage cuts both binds with their windows in flight, and each of those may be flagged.
        var allowance = FaultBattery.FlagAllowance + (fault == CarrierFault.Outage ? (int)Get("drops") * Window : 0)
            + (fault == CarrierFault.GatewayDies ? Binds * Window : 0);
        if (fault.LosesLinks && r.Flagged > (1.2 * r.Duplicated) + allowance)
            problems.Add($"{r.Flagged} flagged for {r.Duplicated} phones really affected (allowed 1.2 × + {allowance})");
        var ceiling = Get("contractedPerSecond") * (1 + RateSlack);
        if (Get("highestPerSecond") > ceiling)
            problems.Add($"{Get("highestPerSecond")} submits arrived within one second; the contracted rate is {Get("contractedPerSecond")}/s");
        if (fault == CarrierFault.LinkDrops && Get("drops") < 2) problems.Add("the proxy dropped fewer than 2 links");
        if (fault == CarrierFault.Outage && Get("refusedConnects") < 1) problems.Add("the hub never tried to reconnect while the gateway was down");
        if (fault == CarrierFault.Throttled && Get("flowControlled") < 1) problems.Add("the gateway never answered with flow control");
        if (fault == CarrierFault.Kill && Get("phonesAtStop") < 1) problems.Add("the hub was killed before any phone had a message");
        return problems;
    }

    /// <summary>The window per bind in <see cref="CarrierPeer.Settings"/>.</summary>
    internal const int Window = 32;

    /// <summary>The binds per gateway in <see cref="CarrierPeer.Settings"/>.</summary>
    internal const int Binds = 2;

    private static async Task<string> InProcessAsync(CarrierFault fault, CarrierPeer peer, FaultProxy? proxy, Dictionary<string, string?> settings, int phones,
        Dictionary<string, double> evidence, BatteryOptions options)
    {
        var (app, http) = await BatteryHub.StartInProcessAsync(settings, null);
        try
        {
            var id = await BatteryHub.SubmitAsync(http, TimeProvider.System.GetUtcNow());
            if (fault == CarrierFault.Outage)
            {
                if (!await Eventually.TrueAsync(() => peer.PhonesWithAMessage >= phones / 3, options.PerFaultLimit))
                    throw new TimeoutException($"only {peer.PhonesWithAMessage} of {phones} phones had a message before the outage");
                proxy!.Down = true;
                evidence["phonesBeforeOutage"] = peer.PhonesWithAMessage;
                var down = Stopwatch.StartNew();
                var waiting = await WaitAsync(http, id, s => s.GetProperty("waiting").GetArrayLength() > 0, OutageLength);
                evidence["waitingShown"] = waiting is null ? 0 : 1;
                // The outage is a length of real time: sockets and the gateway live in it.
                await Eventually.TrueAsync(() => down.Elapsed >= OutageLength, OutageLength + TimeSpan.FromSeconds(5));
                evidence["secondsDown"] = Math.Round(down.Elapsed.TotalSeconds, 1);
                proxy.Down = false;
            }

            await WaitFinalAsync(http, id, options);
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

    internal static async Task WaitFinalAsync(HttpClient http, string id, BatteryOptions options)
    {
        if (await WaitAsync(http, id, BatteryHub.AllFinal, options.PerFaultLimit) is null)
        {
            var last = await BatteryHub.StatusAsync(http, id);
            throw new TimeoutException($"not every slot was final after {options.PerFaultLimit}: {last.GetProperty("channels")}");
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
