using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;
using WarningHub.Core.Cap;
using WarningHub.Core.Planning;
using WarningHub.Core.Reach;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;
using WarningHub.Engine;
using WarningHub.Engine.Reach;
using WarningHub.Engine.Shared;
using WarningHub.Storage.Sqlite;
using ChannelNames = WarningHub.Core.Planning.Channels;

namespace WarningHub.Bench.Scenarios;

/// <summary>
/// <c>reach --persons 1000000 [--json]</c>: a county-wide warning planned and persisted for N generated persons (not
/// timed), every SMS slot settled as its receipt would (one in three failed, the others delivered over ten minutes) and
/// a quarter of the households' WeChat followers delivered. Then, timed: the whole reach report as
/// <c>GET …/reach</c> builds it (<c>reachMs</c>: the SMS slot counts and 到村/到户/到人, median of warm runs; the first run,
/// which also numbers the ledger's addresses and the registry's persons, is <c>reachColdMs</c>); one village's unreached
/// list (<c>unreachedVillageMs</c>: median over villages of median size, the largest in <c>unreachedVillageMaxMs</c>);
/// cadres' marks appended one by one with an fsync each (<c>markP99Ms</c>).
/// </summary>
internal static class ReachScenario
{
    private const int WarmRuns = 5;
    private const int Marks = 300;

    public static async Task<int> RunAsync(string[] args)
    {
        var persons = BenchArgs.Int(args, "--persons", 1_000_000);
        var seed = BenchArgs.Int(args, "--seed", 1);
        var json = BenchArgs.Flag(args, "--json");
        var unknown = BenchArgs.Unknown(args, ["--json"], ["--persons", "--seed"]);
        if (persons is not > 0 || seed is null || unknown.Count > 0)
            return await BenchArgs.UsageAsync("reach", unknown.Count > 0 ? $"reach: unknown option {unknown[0]}" : "reach: --persons must be a positive whole number");

        var registry = SampleCounty.Generate(persons.Value, seed.Value);
        var endpoints = EndpointGenerator.Generate(registry, (v, i) => $"rtp://127.0.0.1:{5000 + i}", (v, i) => $"serial:///dev/null?unit={i}", seed.Value);
        var folder = Directory.CreateTempSubdirectory("warninghub-bench-reach-");
        try
        {
            var database = new SqliteDatabase(new SqliteOptions { Path = Path.Combine(folder.FullName, "ledger.db") });
            await using (database)
            {
                var released = TimeProvider.System.GetUtcNow();
                var warning = Warning(released);
                var channels = new PlanChannels(new HashSet<string> { ChannelNames.Sms, ChannelNames.WeChat }, [], new Dictionary<string, string>());
                var plan = WarningPlanner.Plan(warning.Id, SampleCounty.WholeCounty, registry, endpoints, channels, SampleCounty.ShardSize);
                await new SqliteLedger(database, TimeProvider.System).PersistPlanAsync(plan, null, CancellationToken.None);
                var smsSlots = plan.Channels.Single(c => c.Channel == ChannelNames.Sms).Slots.Count;
                await SettleAsync(database, released);

                var holder = new RegistryHolder { Current = registry, Endpoints = endpoints };
                var query = new SqliteReachQuery(database);
                var marks = new SqliteHouseholdMarks(database);
                var reach = new WarningReach(query, marks, new SqliteBroadcastConfirmations(database), holder);

                var clock = Stopwatch.StartNew();
                var report = await ReportAsync(query, reach, warning, registry);
                var coldMs = clock.Elapsed.TotalMilliseconds;
                var warm = new List<double>();
                var reads = new List<double>();
                for (var i = 0; i < WarmRuns; i++)
                {
                    clock.Restart();
                    report = await ReportAsync(query, reach, warning, registry, reads);
                    warm.Add(clock.Elapsed.TotalMilliseconds);
                }

                // Villages of median size: the list a cadre opens; the largest village apart.
                var bySize = registry.Villages.OrderBy(v => registry.PersonsInVillage(v.Code).Count).ToList();
                var typical = bySize.Skip(bySize.Count / 2 - 5).Take(11).ToList();
                var village = new List<double>();
                var listed = 0;
                foreach (var v in typical)
                {
                    clock.Restart();
                    listed += (await reach.UnreachedAsync(warning, v.Code, null, CancellationToken.None)).Count;
                    village.Add(clock.Elapsed.TotalMilliseconds);
                }
                clock.Restart();
                await reach.UnreachedAsync(warning, bySize[^1].Code, null, CancellationToken.None);
                var largestMs = clock.Elapsed.TotalMilliseconds;

                var doorToDoor = new DoorToDoorCadres(holder);
                var marking = new HouseholdMarking(marks, holder, doorToDoor, TimeProvider.System);
                var cadres = registry.Villages.Select(v => doorToDoor.Of(v.Code).FirstOrDefault()).OfType<Officer>().ToDictionary(o => o.RegionCode, StringComparer.Ordinal);
                var random = new Random(seed.Value);
                var markMs = new List<double>();
                for (var i = 0; i < Marks; i++)
                {
                    var household = registry.Households[random.Next(registry.Households.Count)];
                    if (!cadres.TryGetValue(household.VillageCode, out var cadre)) continue;
                    var kind = HouseholdMarkKinds.All[random.Next(HouseholdMarkKinds.All.Count)];
                    clock.Restart();
                    var outcome = await marking.MarkAsync(warning, household.VillageCode, household.Id, kind, cadre, CancellationToken.None);
                    markMs.Add(clock.Elapsed.TotalMilliseconds);
                    if (outcome != MarkOutcome.Recorded) throw new InvalidOperationException($"mark refused: {outcome}");
                }

                var county = report.County.Persons;
                var result = new
                {
                    persons = persons.Value,
                    reachMs = Math.Round(Median(warm), 1),
                    unreachedVillageMs = Math.Round(Median(village), 1),
                    markP99Ms = Math.Round(Percentile(markMs, 0.99), 2),
                    reachColdMs = Math.Round(coldMs, 1),
                    reachMaxMs = Math.Round(warm.Max(), 1),
                    reachReadMs = Math.Round(Median(reads), 1),
                    unreachedVillageMaxMs = Math.Round(largestMs, 1),
                    villagePersons = registry.PersonsInVillage(typical[typical.Count / 2].Code).Count,
                    unreachedHouseholdsListed = listed,
                    markMedianMs = Math.Round(Median(markMs), 2),
                    marks = markMs.Count,
                    smsSlots,
                    reached = county.Reached,
                    bySms = county.BySms,
                    byHousehold = county.ByHousehold,
                    unaccounted = county.Unaccounted,
                    p90Ms = report.County.TimeToReach.P90?.TotalMilliseconds,
                };
                if (json)
                {
                    Console.WriteLine(JsonSerializer.Serialize(result));
                }
                else
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"reach: {persons.Value:N0} persons, {smsSlots:N0} SMS slots; report {result.reachMs} ms (cold {result.reachColdMs} ms, target <= 300); one village's unreached list {result.unreachedVillageMs} ms (largest {result.unreachedVillageMaxMs}, target <= 20); mark p99 {result.markP99Ms} ms (target <= 10); reached {county.Reached:N0}, unaccounted {county.Unaccounted:N0}"));
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
        return 0;
    }

    /// <summary>
    /// The whole report as the reach endpoint makes it: one read of the SMS and WeChat slots for the evidence per person
    /// and those channels' counts per village, the other channels' counts, then 到村/到户/到人.
    /// </summary>
    private static async Task<HouseholdReachReport> ReportAsync(SqliteReachQuery query, WarningReach reach, WarningRecord warning, CountyRegistry registry,
        List<double>? readMs = null)
    {
        var clock = Stopwatch.StartNew();
        var evidence = await reach.EvidenceAsync(warning, null, CancellationToken.None);
        readMs?.Add(clock.Elapsed.TotalMilliseconds);
        var others = await query.VillageCountsAsync(warning.Id, new HashSet<string> { ChannelNames.Sms, ChannelNames.WeChat }, CancellationToken.None);
        var counts = ReachReportBuilder.Build(warning.PublicId, await query.TargetsAsync(warning.Id, CancellationToken.None),
            [.. others, .. evidence.Sms.FirstRoundCounts!, .. evidence.WeChat.FirstRoundCounts!], registry);
        GC.KeepAlive(counts);
        return HouseholdReachBuilder.Build(evidence);
    }

    /// <summary>
    /// Every slot final, as receipts leave them: SMS one in three failed (UNDELIV), the rest delivered over the first ten
    /// minutes; WeChat followers delivered. Set in one statement per channel: the bench measures reading reach, not writing receipts.
    /// </summary>
    private static async Task SettleAsync(SqliteDatabase database, DateTimeOffset released)
    {
        var start = released.ToUnixTimeMilliseconds();
        await database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"""
                UPDATE slot SET attempts = 1, parts = 1,
                  state = CASE WHEN id % 3 = 0 THEN {(int)DeliveryStatus.Failed} ELSE {(int)DeliveryStatus.Delivered} END,
                  parts_ok = CASE WHEN id % 3 = 0 THEN 0 ELSE 1 END,
                  error = CASE WHEN id % 3 = 0 THEN 'receipt:UNDELIV' END,
                  updated_at = $start + (id * 7919) % 600000
                """;
            cmd.Parameters.AddWithValue("$start", start);
            return cmd.ExecuteNonQuery();
        }, CancellationToken.None);
    }

    private static WarningRecord Warning(DateTimeOffset now)
    {
        var xml = BenchWarning.Live(now);
        var alert = CapXmlReader.Read(xml).EnsureValid();
        return new WarningRecord
        {
            Id = 1,
            PublicId = "W-BENCH-REACH",
            Sender = alert.Sender,
            Identifier = alert.Identifier,
            Fingerprint = "bench",
            CapStatus = alert.Status,
            MsgType = alert.MsgType,
            Event = "暴雨",
            Level = null,
            Headline = "bench",
            Sent = now,
            Effective = now,
            Expires = now.AddHours(12),
            ReceivedAt = now,
            SubmittedBy = "bench",
            CapXml = xml,
            State = WarningState.Released,
            ReleasedAt = now,
        };
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }
}
