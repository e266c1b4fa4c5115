using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using WarningHub.Simulators.CloudSms;

namespace WarningHub.FaultBattery.Carriers;

/// <summary>
/// The carrier battery's rules for an HTTP SMS gateway: a fresh hub whose only SMS gateway is the cloud SMS simulator
/// (Cloud profile, batches, receipts pulled), one live red warning to a generated county, and one fault of
/// <see cref="HttpFault.All"/> on every <see cref="FaultEvery"/>th send request. Counted per phone at the simulator and
/// per slot in the ledger: every slot final; every phone one whole message (the platform takes the whole text, so a
/// message is never in parts here); no repeat that is not flagged "possibly duplicated"; the contracted request rate
/// never exceeded as the simulator saw the requests arrive.
/// <para>
/// One rule differs from the TCP carriers', and honestly so: there, a slot is flagged only when a link or the process
/// was lost. Over HTTP a request that got no whole answer (timeout, slow body, reset) or a 5xx answer may have been
/// taken, so every number in it is Unknown and its slot must be flagged, whether or not the platform took it (the
/// 5xx fault takes nothing: its flags have no repeat behind them). The rule is therefore that the hub flags only numbers
/// that were in a request a fault struck: flagged phones ≤ numbers in faulted requests.
/// </para>
/// </summary>
public static class HttpGatewayBattery
{
    /// <summary>The gateway's name in the hub's settings (adapter <c>http:cloud</c>).</summary>
    public const string Gateway = "cloud";

    /// <summary>The fault strikes one send request in this many.</summary>
    public const int FaultEvery = 4;

    /// <summary>Numbers per request: small, so the warning needs dozens of requests and the faults find many of them.</summary>
    public const int MaxBatch = 10;

    /// <summary>The contracted rate, in requests per second.</summary>
    public const int RequestsPerSecond = 20;

    /// <summary>
    /// Requests that may arrive within one second beyond the contracted rate, as a share of it: as in
    /// <see cref="CarrierBattery.RateSlack"/>, the hub paces its requests and the simulator stamps arrivals when its
    /// thread, on two cores shared with the hub, gets to them.
    /// </summary>
    public const double RateSlack = CarrierBattery.RateSlack;

    /// <summary>The hub's timeout of one request: the timeout and slow-body faults hold theirs far longer.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);

    public static async Task<FaultResult> RunAsync(HttpFault fault, BatteryOptions options)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("warninghub-http-faults-");
        try
        {
            options.Log?.Invoke($"http {fault}: {fault.Description} (1 request in {FaultEvery}), {options.Persons} persons at {RequestsPerSecond} requests/s");
            await using var platform = new CloudSmsSimulator(new CloudSmsSimulatorOptions
            {
                Fault = fault.Mode,
                FaultEvery = FaultEvery,
                FaultAfterAccept = fault.AfterAccept,
                FaultDelay = TimeSpan.FromSeconds(30),
            });
            await platform.StartAsync();
            var settings = CarrierBattery.HubSettings(folder.FullName, options, Settings(platform));
            var database = settings["WarningHub:Hub:DatabasePath"]!;
            await BatteryHub.SaveRegistryAsync(database, options);

            var (app, http) = await BatteryHub.StartInProcessAsync(settings, null);
            string id;
            try
            {
                id = await BatteryHub.SubmitAsync(http, TimeProvider.System.GetUtcNow());
                await CarrierBattery.WaitFinalAsync(http, id, options);
            }
            finally
            {
                http.Dispose();
                using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60))) await app.StopAsync(stop.Token);
                await app.DisposeAsync();
                SqliteConnection.ClearAllPools();
            }

            var (slots, _) = LedgerView.Read(database, id);
            var submits = platform.Accepted.Select(m => new SubmitRecord(m.Phone, true, -1, 1, 1, m.ReceivedAt)).ToList();
            var evidence = new Dictionary<string, double>
            {
                ["requests"] = platform.SendRequests,
                ["faultedRequests"] = platform.FaultedRequests,
                ["faultedNumbers"] = platform.FaultedNumbers,
                ["accepted"] = submits.Count,
                ["highestPerSecond"] = HighestPerSecond(platform.SendRequestTimes),
                ["contractedPerSecond"] = RequestsPerSecond,
            };
            var counted = FaultBattery.Count(Fault.Routed, slots, SubmitTally.Received(submits), evidence, clock.Elapsed.TotalSeconds);
            var result = counted with { Fault = "http:" + fault.Name, Problems = Problems(fault, counted) };
            options.Log?.Invoke($"http {fault}: {(result.Passed ? "passed" : "FAILED: " + string.Join("; ", result.Problems))} in {result.Seconds:F0} s");
            return result;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    /// <summary>Every rule of the battery that the run broke.</summary>
    internal static List<string> Problems(HttpFault fault, FaultResult r)
    {
        double Get(string key) => r.Evidence.TryGetValue(key, out var v) ? v : 0;
        var problems = new List<string>();
        if (r.Phones == 0) problems.Add("no SMS slot was planned");
        if (r.Lost > 0) problems.Add($"{r.Lost} phone(s) got no message");
        if (r.DuplicatedNotFlagged > 0) problems.Add($"{r.DuplicatedNotFlagged} phone(s) got it twice without the flag");
        if (r.NotFinal > 0) problems.Add($"{r.NotFinal} slot(s) not final");
        if (r.Failed > 0) problems.Add($"{r.Failed} slot(s) failed");
        if (Get("faultedRequests") < 1) problems.Add("the fault never struck a request");
        if (r.Flagged > Get("faultedNumbers")) problems.Add($"{r.Flagged} slot(s) flagged, but only {Get("faultedNumbers")} numbers were in requests a fault struck");
        if (r.Flagged < 1) problems.Add("no slot was flagged although requests ended without an answer");
        if (!fault.AfterAccept && r.Duplicated > 0) problems.Add($"{r.Duplicated} phone(s) got it twice although the fault took nothing");
        var ceiling = Get("contractedPerSecond") * (1 + RateSlack);
        if (Get("highestPerSecond") > ceiling)
            problems.Add($"{Get("highestPerSecond")} requests arrived within one second; the contracted rate is {Get("contractedPerSecond")}/s");
        return problems;
    }

    /// <summary>The hub's settings of the HTTP gateway: the simulator's account, small batches, a short timeout, quick polls.</summary>
    private static Dictionary<string, string?> Settings(CloudSmsSimulator platform)
    {
        var section = $"WarningHub:Sms:Http:{Gateway}:";
        static string Duration(TimeSpan span) => span.ToString("c", CultureInfo.InvariantCulture);
        return new Dictionary<string, string?>
        {
            [section + "Profile"] = "Cloud",
            [section + "Url"] = platform.BaseUrl.ToString(),
            [section + "AccessKeyId"] = platform.Options.AccessKeyId,
            [section + "AccessKeySecret"] = platform.Options.AccessKeySecret,
            [section + "SignName"] = "井研县应急管理局",
            [section + "TemplateCode"] = "SMS_WARNING_001",
            [section + "MaxBatch"] = MaxBatch.ToString(CultureInfo.InvariantCulture),
            [section + "BatchLinger"] = "00:00:00.050",
            [section + "RateLimitPerSecond"] = RequestsPerSecond.ToString(CultureInfo.InvariantCulture),
            [section + "Concurrency"] = "4",
            [section + "Timeout"] = Duration(RequestTimeout),
            [section + "ConnectTimeout"] = "00:00:01",
            [section + "PollInterval"] = "00:00:00.300",
            [section + "HealthCheckInterval"] = "00:00:01",
        };
    }

    private static int HighestPerSecond(IEnumerable<DateTimeOffset> arrivals) =>
        SubmitTally.HighestPerSecond(arrivals.Select(at => new SubmitRecord("", false, -1, 1, 1, at)));
}
