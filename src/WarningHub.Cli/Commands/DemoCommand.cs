using System.CommandLine;
using Spectre.Console;
using WarningHub.Cli.Demo;

namespace WarningHub.Cli.Commands;

/// <summary>`warninghub demo`: the whole path on loopback with the sample county and every channel simulated, no servers needed.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var persons = new Option<int>("--persons") { Description = "Persons in the generated county.", DefaultValueFactory = _ => 20000 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables." };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated county, its endpoints and the simulators' failures.", DefaultValueFactory = _ => 1 };
        var rate = new Option<int>("--rate") { Description = "The SMS gateway's contracted rate, messages per second.", DefaultValueFactory = _ => 5000 };
        var failures = new Option<double>("--failure-rate") { Description = "Share of messages the simulated SMSC reports undelivered.", DefaultValueFactory = _ => 0.02 };
        var command = new Command("demo", "Send the sample red rainstorm warning to a generated county over simulated SMS, loudspeakers, WeChat, WeCom and TV, and report reach.")
        {
            persons, json, seed, rate, failures,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var n = parse.GetValue(persons);
            if (n is < 1 or > 2_000_000)
            {
                await Console.Error.WriteLineAsync("--persons must be between 1 and 2,000,000.");
                return 2;
            }
            var r = parse.GetValue(rate);
            if (r is < 10 or > 100_000)
            {
                await Console.Error.WriteLineAsync("--rate must be between 10 and 100,000.");
                return 2;
            }
            var f = parse.GetValue(failures);
            if (f is < 0 or > 1)
            {
                await Console.Error.WriteLineAsync("--failure-rate must be between 0 and 1.");
                return 2;
            }
            var timeout = TimeSpan.FromSeconds(60 + 3.0 * n / r);
            var settings = new DemoSettings(n, parse.GetValue(json), parse.GetValue(seed), r, f, timeout);
            return await new DemoRun(settings, AnsiConsole.Console).RunAsync(cancellationToken);
        });
        return command;
    }
}
