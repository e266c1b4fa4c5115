using System.Diagnostics;
using Microsoft.Data.Sqlite;
using WarningHub.Core.Registry;
using WarningHub.Testing;

namespace WarningHub.FaultBattery.Carriers;

/// <summary>What the CMPP primary and the SGIP backup did with two warnings, one before and one after the primary's death.</summary>
public sealed record CarrierFailoverResult
{
    /// <summary>The first warning, released while the primary died: per phone over both gateways, with the battery's rules.</summary>
    public required FaultResult DuringDeath { get; init; }

    /// <summary>The second warning, released once the primary was back: nothing may be flagged.</summary>
    public required FaultResult AfterReturn { get; init; }

    /// <summary>Seconds from the primary's death to /health naming it: when the hub saw the failure.</summary>
    public required double? SeenSeconds { get; init; }

    /// <summary>Seconds from the primary's death to the first China Mobile number whole at the backup.</summary>
    public required double? FailoverSeconds { get; init; }

    /// <summary>Seconds from the failure being seen to the first China Mobile number whole at the backup (the issue's 10 s).</summary>
    public double? FailoverAfterSeenSeconds => FailoverSeconds is { } f && SeenSeconds is { } s ? Math.Round(Math.Max(0, f - s), 2) : null;

    /// <summary>How long the primary was dead.</summary>
    public required double DeadSeconds { get; init; }

    /// <summary>China Mobile numbers of the first warning whole at the primary before it died, and at the backup.</summary>
    public required int MobileAtPrimary { get; init; }

    public required int MobileAtBackup { get; init; }

    /// <summary>Numbers of other operators that got anything at the primary: routing by operator says none.</summary>
    public required int OthersAtPrimary { get; init; }

    /// <summary>China Mobile phones, and how many of them got the second warning from the primary back, and from the backup.</summary>
    public required int MobilePhones { get; init; }

    public required int MobileAtPrimaryAfterReturn { get; init; }

    public required int MobileAtBackupAfterReturn { get; init; }

    /// <summary>What broke the rules; empty when passed.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    public bool Passed => Problems.Count == 0;
}

/// <summary>
/// Issue 12's failover between operators' gateways on the whole hub: a CMPP gateway "mobile" for China Mobile numbers
/// (priority 0) and an SGIP gateway "unicom" for every number (priority 1), each against its simulator. The ISMG is
/// stopped once a third of its numbers have their message; its numbers must continue through the SGIP gateway, every
/// slot final, repeats only where flagged, neither gateway above its rate. The ISMG comes back on its port after
/// <c>deadFor</c>, and a second warning's China Mobile numbers go to it again.
/// </summary>
public static class CarrierFailover
{
    public const string Primary = "mobile";

    public const string Backup = "unicom";

    /// <summary>The issue's bound: the backup takes the dead gateway's numbers within this of the failure being seen.</summary>
    public static readonly TimeSpan FailoverBound = TimeSpan.FromSeconds(10);

    public static async Task<CarrierFailoverResult> RunAsync(BatteryOptions options, TimeSpan deadFor)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("warninghub-carrier-failover-");
        var listenPort = LoopbackPort.Free();
        var primary = CarrierPeer.Start(CarrierKind.Cmpp);
        CarrierPeer? revived = null;
        try
        {
            await using var backup = CarrierPeer.Start(CarrierKind.Sgip, spListenPort: listenPort);
            var primaryPort = primary.Port;
            var settings = CarrierBattery.HubSettings(folder.FullName, options,
                primary.Settings(Primary, primaryPort, options.PartsPerSecond),
                backup.Settings(Backup, backup.Port, options.PartsPerSecond, spListenPort: listenPort));
            settings[$"WarningHub:Routing:Gateways:{Primary}:Operators:0"] = "移动";
            settings[$"WarningHub:Routing:Gateways:{Backup}:Priority"] = "1";
            var database = settings["WarningHub:Hub:DatabasePath"]!;
            var registry = await BatteryHub.SaveRegistryAsync(database, options);
            var mobile = registry.Persons.Where(p => p.Phone is not null && MobileOperators.OperatorOf(p.Phone) == MobileOperator.ChinaMobile)
                .Select(p => p.Phone!).Distinct(StringComparer.Ordinal).Count();
            var evidence = new Dictionary<string, double> { ["contractedPerSecond"] = options.PartsPerSecond };
            double? seen = null, failover = null;
            string first, second;
            IReadOnlyList<SubmitRecord> atPrimary, atBackup, atRevived, atBackupAfter;
            var (app, http) = await BatteryHub.StartInProcessAsync(settings, null);
            try
            {
                first = await BatteryHub.SubmitAsync(http, TimeProvider.System.GetUtcNow());
                if (!await Eventually.TrueAsync(() => primary.PhonesWithAMessage >= mobile / 3, options.PerFaultLimit))
                    throw new TimeoutException($"only {primary.PhonesWithAMessage} of {mobile} China Mobile phones had a message at the primary");
                var mobileAtBackupBefore = MobileWhole(backup.Submits);
                await primary.DisposeAsync();
                var dead = Stopwatch.StartNew();
                atPrimary = primary.Submits;
                evidence["phonesAtPrimaryWhenStopped"] = SubmitTally.Received(atPrimary).Count(r => r.Value.CompleteMessages > 0);
                options.Log?.Invoke($"failover: ISMG stopped with {evidence["phonesAtPrimaryWhenStopped"]} of {mobile} China Mobile phones served");

                // Seen and failed over are watched together: either may come first.
                var watchSeen = Task.Run(async () =>
                {
                    if (await Eventually.TrueAsync(async () => await CarrierBattery.GatewayProblemAsync(http, primary.AdapterName(Primary)) is not null,
                        TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(20)))
                        seen = Math.Round(dead.Elapsed.TotalSeconds, 2);
                });
                if (await Eventually.TrueAsync(() => MobileWhole(backup.Submits) > mobileAtBackupBefore, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(20)))
                    failover = Math.Round(dead.Elapsed.TotalSeconds, 2);
                await watchSeen;
                await CarrierBattery.WaitFinalAsync(http, first, options);
                atBackup = backup.Submits;

                // Dead for the whole of deadFor, then the ISMG is back on its port.
                await Eventually.TrueAsync(() => dead.Elapsed >= deadFor, deadFor + TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));
                revived = CarrierPeer.Start(CarrierKind.Cmpp, port: primaryPort);
                evidence["deadSeconds"] = Math.Round(dead.Elapsed.TotalSeconds, 1);
                if (!await Eventually.TrueAsync(async () => await CarrierBattery.GatewayProblemAsync(http, primary.AdapterName(Primary)) is null,
                    TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100)))
                    throw new TimeoutException("the CMPP gateway did not come back up once its ISMG was back");
                second = await BatteryHub.SubmitAsync(http, TimeProvider.System.GetUtcNow());
                await CarrierBattery.WaitFinalAsync(http, second, options);
                atRevived = revived.Submits;
                atBackupAfter = [.. backup.Submits.Skip(atBackup.Count)];
            }
            finally
            {
                http.Dispose();
                using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60))) await app.StopAsync(stop.Token);
                await app.DisposeAsync();
                SqliteConnection.ClearAllPools();
            }

            var during = Judge(CarrierFault.GatewayDies, LedgerView.Read(database, first).Slots, atPrimary, atBackup, evidence, clock);
            var after = Judge(CarrierFault.Routed, LedgerView.Read(database, second).Slots, atRevived, atBackupAfter,
                new Dictionary<string, double> { ["contractedPerSecond"] = options.PartsPerSecond }, clock);
            var result = new CarrierFailoverResult
            {
                DuringDeath = during,
                AfterReturn = after,
                SeenSeconds = seen,
                FailoverSeconds = failover,
                DeadSeconds = evidence["deadSeconds"],
                MobileAtPrimary = MobileWhole(atPrimary),
                MobileAtBackup = MobileWhole(atBackup),
                OthersAtPrimary = atPrimary.Concat(atRevived).Select(s => s.Phone).Distinct(StringComparer.Ordinal).Count(p => !IsMobile(p)),
                MobilePhones = mobile,
                MobileAtPrimaryAfterReturn = MobileWhole(atRevived),
                MobileAtBackupAfterReturn = MobileWhole(atBackupAfter),
                Problems = [],
            };
            return result with { Problems = Problems(result) };
        }
        finally
        {
            await primary.DisposeAsync();
            if (revived is not null) await revived.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try { folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private static FaultResult Judge(CarrierFault fault, IReadOnlyList<SlotView> slots, IReadOnlyList<SubmitRecord> atPrimary, IReadOnlyList<SubmitRecord> atBackup,
        Dictionary<string, double> evidence, Stopwatch clock)
    {
        evidence["submitsAtPrimary"] = atPrimary.Count;
        evidence["submitsAtBackup"] = atBackup.Count;
        evidence["highestPerSecond"] = Math.Max(SubmitTally.HighestPerSecond(atPrimary), SubmitTally.HighestPerSecond(atBackup));
        var received = SubmitTally.Together(SubmitTally.Received(atPrimary), SubmitTally.Received(atBackup));
        var counted = FaultBattery.Count(Fault.Routed, slots, received, evidence, clock.Elapsed.TotalSeconds);
        return counted with { Fault = fault.Name, Problems = CarrierBattery.Problems(fault, counted) };
    }

    private static List<string> Problems(CarrierFailoverResult r)
    {
        var problems = new List<string>(r.DuringDeath.Problems.Select(p => "first warning: " + p));
        problems.AddRange(r.AfterReturn.Problems.Select(p => "second warning: " + p));
        if (r.OthersAtPrimary > 0) problems.Add($"{r.OthersAtPrimary} number(s) of other operators went to the China Mobile gateway");
        if (r.MobileAtPrimary == 0) problems.Add("no China Mobile number went to its gateway");
        if (r.FailoverSeconds is null) problems.Add("no China Mobile number reached the backup after the primary died");
        if (r.SeenSeconds is null) problems.Add("/health never named the dead gateway");
        if (r.FailoverAfterSeenSeconds > FailoverBound.TotalSeconds)
            problems.Add($"the backup took the dead gateway's numbers {r.FailoverAfterSeenSeconds} s after the failure was seen (bound {FailoverBound.TotalSeconds} s)");
        if (r.MobileAtPrimaryAfterReturn != r.MobilePhones)
            problems.Add($"only {r.MobileAtPrimaryAfterReturn} of {r.MobilePhones} China Mobile phones got the second warning from the primary once it was back");
        if (r.MobileAtBackupAfterReturn > 0) problems.Add($"{r.MobileAtBackupAfterReturn} China Mobile phone(s) got the second warning from the backup although the primary was back");
        return problems;
    }

    private static bool IsMobile(string phone) => MobileOperators.OperatorOf(phone) == MobileOperator.ChinaMobile;

    private static int MobileWhole(IReadOnlyList<SubmitRecord> submits) =>
        SubmitTally.Received(submits).Count(r => r.Value.CompleteMessages > 0 && IsMobile(r.Key));
}
