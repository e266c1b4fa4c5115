using System.Globalization;

namespace WarningHub.Bench;

/// <summary>The few options the scenarios take, parsed by hand: <c>--name value</c> and bare flags.</summary>
internal static class BenchArgs
{
    public const string Usage = """
        usage: warninghub-bench <scenario> [options]
          plan  [--persons N (1000000)] [--seed N] [--json]
                plan a county-wide warning for N generated persons and persist it into a fresh SQLite ledger
          e2e   [--persons N (200000)] [--binds N (4)] [--window N (256)] [--workers N (4)] [--timeout SECONDS (600)] [--seed N] [--gateways N (1) --gateway-rate R (unlimited)]
                [--warmup] [--json]
                the whole hub on loopback: POST a warning, SMSC simulator with immediate receipts, until every slot is final;
                --warmup first sends a Test warning to the test recipients, so the measured run finds the code compiled
          smpp  [--messages N (200000)] [--binds N (4)] [--window N (256)] [--throttle-rate R [--rate S (2.5 R)]] [--json]
                the SMPP gateway alone against the SMSC simulator
          reach [--persons N (1000000)] [--seed N] [--json]
                reach of a county-wide warning whose SMS all settled (a third failed): the whole report, one village's
                unreached list, cadres' marks
          cmpp  [--messages N (200000)] [--version 2|3 (3)] [--binds N (4)] [--window N (256)] [--json]
                the CMPP gateway alone against the ISMG simulator
          sgip  [--messages N (50000)] [--binds N (4)] [--window N (256)] [--json]
                the SGIP gateway alone against the SMG simulator (reports on the SMG's own connection)
          smgp  [--messages N (50000)] [--binds N (4)] [--window N (256)] [--json]
                the SMGP gateway alone against the SMGW simulator
          chaos [--persons N (20000)] [--rate PARTS_PER_SECOND (3000)] [--fault NAME] [--seed N] [--json]
                issue 9's fault battery on the whole hub against the npm smpp SMSC: per fault, counts per phone at the SMSC
        """;

    /// <summary>The value after <paramref name="name"/>; the fallback when absent; null when present but not a whole number.</summary>
    public static int? Int(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0) return fallback;
        return at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    public static bool Flag(string[] args, string name) => args.Contains(name, StringComparer.Ordinal);

    /// <summary>Options the scenario does not know: a misspelt option is an error, not a silently different run.</summary>
    public static IReadOnlyList<string> Unknown(string[] args, string[] flags, string[] valued)
    {
        var unknown = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (valued.Contains(args[i], StringComparer.Ordinal)) i++;
            else if (!flags.Contains(args[i], StringComparer.Ordinal)) unknown.Add(args[i]);
        }
        return unknown;
    }

    public static async Task<int> UsageAsync(string scenario, string? problem = null)
    {
        if (problem is not null) await Console.Error.WriteLineAsync(problem);
        else if (scenario.Length > 0) await Console.Error.WriteLineAsync($"unknown scenario '{scenario}'");
        await Console.Error.WriteLineAsync(Usage);
        return 2;
    }
}
