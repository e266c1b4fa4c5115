using System.Globalization;
using System.Text.Json;
using WarningHub.FaultBattery;
using Battery = WarningHub.FaultBattery.FaultBattery;

namespace WarningHub.Bench.Scenarios;

/// <summary>
/// <c>chaos --persons 20000 [--rate 3000] [--fault NAME] [--json]</c>: issue 9's fault battery (the one the end-to-end
/// tests run on 1,500 persons) on a larger county. Per fault: phones, whole messages, lost, fragments, duplicates,
/// flags, final states and what shows the fault happened. Exit code 1 when any fault broke a rule or did not finish
/// (its exception is among its problems; the faults after it still run).
/// </summary>
internal static class ChaosScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var persons = BenchArgs.Int(args, "--persons", 20_000);
        var rate = BenchArgs.Int(args, "--rate", 3000);
        var seed = BenchArgs.Int(args, "--seed", 7);
        if (persons is not > 0 || rate is not > 0 || seed is null) return await BenchArgs.UsageAsync("chaos", "chaos: --persons, --rate and --seed take whole numbers above 0");
        var at = Array.IndexOf(args, "--fault");
        var only = at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var faults = Fault.All.Where(f => only is null || f.Name == only).ToList();
        if (faults.Count == 0) return await BenchArgs.UsageAsync("chaos", $"chaos: no fault named '{only}' ({string.Join(", ", Fault.All)})");

        var options = new BatteryOptions
        {
            Persons = persons.Value,
            PartsPerSecond = rate.Value,
            Seed = seed.Value,
            ReceiptWindow = TimeSpan.FromSeconds(30),
            PerFaultLimit = TimeSpan.FromMinutes(10),
            Log = line => Console.Error.WriteLine(line),
        };
        // A fault that throws is one failed result: the JSON of the faults that finished is still printed.
        var results = await Battery.RunEachAsync(faults, async fault =>
        {
            try
            {
                return await Battery.RunAsync(fault, options);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"{fault}: did not finish: {ex.Message}");
                throw;
            }
        });

        if (args.Contains("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(new { persons, rate, faults = results }));
        }
        else
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"fault",-24} {"phones",7} {"whole",7} {"lost",5} {"frag",5} {"dup",5} {"flags",6} {"unconf",6} {"s",6}  result"));
            foreach (var r in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Fault,-24} {r.Phones,7} {r.Complete,7} {r.Lost,5} {r.FragmentsAlone,5} {r.Duplicated,5} {r.Flagged,6} {r.Unconfirmed,6} {r.Seconds,6:F0}  {(r.Passed ? "ok" : string.Join("; ", r.Problems))}"));
            }
        }
        return results.All(r => r.Passed) ? 0 : 1;
    }
}
