using System.CommandLine;
using Spectre.Console;
using WarningHub.Core.Registry;

namespace WarningHub.Cli.Commands;

/// <summary>`warninghub generate`: a synthetic population for the sample county, written as CSV for `import`.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var persons = new Option<int>("--persons") { Description = "How many persons.", DefaultValueFactory = _ => 20000 };
        var seed = new Option<int>("--seed") { Description = "Seed; the same seed gives the same county.", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write regions.csv, households.csv and persons.csv into.", Required = true };
        var command = new Command("generate", "Generate a synthetic county of N persons (labelled synthetic) as CSV.") { persons, seed, output };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(persons);
            if (n is < 1 or > 5_000_000)
            {
                Console.Error.WriteLine("--persons must be between 1 and 5,000,000.");
                return 2;
            }
            var folder = parse.GetValue(output)!;
            var registry = AnsiConsole.Status().Start("Generating", _ =>
                new CountyGenerator(new CountyGeneratorOptions { PersonCount = n, Seed = parse.GetValue(seed) })
                    .Generate(RegistryCsv.LoadCounty(ConfigFolder.SampleCounty)));
            AnsiConsole.Status().Start($"Writing {folder.FullName}", _ => RegistryCsv.SaveCounty(registry, folder.FullName));
            AnsiConsole.MarkupLineInterpolated($"Wrote {registry.Households.Count:N0} households and {registry.Persons.Count:N0} synthetic persons to {folder.FullName}.");
            return 0;
        });
        return command;
    }
}
