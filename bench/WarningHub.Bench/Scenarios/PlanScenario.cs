using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WarningHub.Core.Planning;
using WarningHub.Storage.Sqlite;

namespace WarningHub.Bench.Scenarios;

/// <summary>
/// <c>plan --persons 1000000 [--json]</c>: generates the sample county with N persons (not timed), plans a county-wide
/// Actual warning (<see cref="WarningPlanner.Plan"/>, shards of 1,000) and persists the plan into a fresh SQLite
/// ledger (<see cref="SqliteLedger.PersistPlanAsync"/>), timing each step. Both run cold, as for the first warning
/// after a start.
/// </summary>
internal static class PlanScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var persons = BenchArgs.Int(args, "--persons", 1_000_000);
        var seed = BenchArgs.Int(args, "--seed", 1);
        var json = BenchArgs.Flag(args, "--json");
        var unknown = BenchArgs.Unknown(args, ["--json"], ["--persons", "--seed"]);
        if (persons is not > 0 || seed is null || unknown.Count > 0)
            return await BenchArgs.UsageAsync("plan", unknown.Count > 0 ? $"plan: unknown option {unknown[0]}" : "plan: --persons must be a positive whole number");

        var registry = SampleCounty.Generate(persons.Value, seed.Value);

        // The hub numbers the registry's phones once when it loads the registry, not per warning: timed apart.
        var clock = Stopwatch.StartNew();
        _ = registry.Phones;
        var phoneIndexMs = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var plan = WarningPlanner.Plan(1, SampleCounty.WholeCounty, registry, SampleCounty.ShardSize);
        var planMs = clock.Elapsed.TotalMilliseconds;

        var folder = Directory.CreateTempSubdirectory("warninghub-bench-plan-");
        double persistMs;
        int shards;
        try
        {
            var database = new SqliteDatabase(new SqliteOptions { Path = Path.Combine(folder.FullName, "ledger.db") });
            await using (database)
            {
                var ledger = new SqliteLedger(database, TimeProvider.System);
                clock.Restart();
                shards = (await ledger.PersistPlanAsync(plan, null, CancellationToken.None)).Count;
                persistMs = clock.Elapsed.TotalMilliseconds;
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }

        var slots = plan.Channels.Sum(c => c.Slots.Count);
        var peakRssMb = ProcessMemory.PeakRssMb();
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                persons = persons.Value,
                slots,
                planMs = Math.Round(planMs, 1),
                persistMs = Math.Round(persistMs, 1),
                peakRssMb,
                shards,
                phoneIndexMs = Math.Round(phoneIndexMs, 1),
                totalMs = Math.Round(planMs + persistMs, 1),
            }));
        }
        else
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"plan: {persons.Value:N0} persons -> {slots:N0} SMS slots in {shards:N0} shards; plan {planMs:F0} ms + persist {persistMs:F0} ms = {planMs + persistMs:F0} ms (target <= 2,000 ms for 1M persons); phone numbering at registry load {phoneIndexMs:F0} ms; peak RSS {peakRssMb:F0} MB"));
        }
        return 0;
    }
}
