using System.CommandLine;
using Spectre.Console;
using WarningHub.Core.Registry;

namespace WarningHub.Cli.Commands;

/// <summary>
/// `warninghub generate`: a synthetic population for the sample county and its endpoints (loudspeakers, WeChat
/// followers, officers, who answers for what, each household's 包户干部), written as CSV for `import`.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var persons = new Option<int>("--persons") { Description = "How many persons.", DefaultValueFactory = _ => 20000 };
        var seed = new Option<int>("--seed") { Description = "Seed; the same seed gives the same county.", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write regions.csv, households.csv, persons.csv, terminals.csv, subscribers.csv, officers.csv and responsibilities.csv into.", Required = true };
        var accounts = new Option<string[]>("--wechat-accounts")
        {
            Description = "WeChat accounts the followers are dealt among (e.g. city county): subscribers.csv gets an account column. Default: one account, no column.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("generate", "Generate a synthetic county of N persons (labelled synthetic) as CSV.") { persons, seed, output, accounts };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(persons);
            if (n is < 1 or > 5_000_000)
            {
                Console.Error.WriteLine("--persons must be between 1 and 5,000,000.");
                return 2;
            }
            var folder = parse.GetValue(output)!;
            var weChatAccounts = (parse.GetValue(accounts) ?? []).SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (weChatAccounts.Select(FollowerAddress.AccountNameProblem).OfType<string>().FirstOrDefault() is { } problem)
            {
                Console.Error.WriteLine($"--wechat-accounts: a name {problem}.");
                return 2;
            }
            var (registry, endpoints) = AnsiConsole.Status().Start("Generating", _ =>
            {
                var county = new CountyGenerator(new CountyGeneratorOptions { PersonCount = n, Seed = parse.GetValue(seed) })
                    .Generate(RegistryCsv.LoadCounty(ConfigFolder.SampleCounty));
                var generated = EndpointGenerator.Generate(county, SyntheticIpAddress, SyntheticSerialAddress, parse.GetValue(seed), weChatAccounts);
                return (EndpointGenerator.AssignCadres(county, generated), generated);
            });
            AnsiConsole.Status().Start($"Writing {folder.FullName}", _ =>
            {
                RegistryCsv.SaveCounty(registry, folder.FullName);
                RegistryCsv.SaveEndpoints(folder.FullName, endpoints);
            });
            AnsiConsole.MarkupLineInterpolated($"Wrote {registry.Households.Count:N0} households and {registry.Persons.Count:N0} synthetic persons to {folder.FullName}.");
            AnsiConsole.MarkupLineInterpolated($"Wrote {endpoints.Terminals.Count:N0} terminals, {endpoints.Subscribers.Count:N0} subscribers, {endpoints.Officers.Count:N0} officers and {endpoints.Responsibilities.Count:N0} responsibilities (synthetic).");
            return 0;
        });
        return command;
    }

    // Private-range addresses that reach nothing: generated terminals are for imports and tests, not for a real
    // network. Village -1 is the bureau's test terminal.
    private static string SyntheticIpAddress(WarningHub.Core.Registry.Region village, int index) =>
        index < 0 ? "rtp://10.51.255.1:5004" : $"rtp://10.51.{index / 250}.{index % 250 + 1}:5004";

    // One serial line (settings key tts1) whose Modbus relay switches a zone per terminal.
    private static string SyntheticSerialAddress(WarningHub.Core.Registry.Region village, int index) => $"serial:tts1#1/{index / 4}";
}
