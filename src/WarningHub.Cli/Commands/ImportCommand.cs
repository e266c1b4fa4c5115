using System.CommandLine;
using Microsoft.Extensions.Options;
using Spectre.Console;
using WarningHub.Core.Registry;
using WarningHub.Storage.Sqlite;

namespace WarningHub.Cli.Commands;

/// <summary>`warninghub import DIR`: load regions.csv, households.csv and persons.csv into the hub's database.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("folder") { Description = "Folder with regions.csv, households.csv and persons.csv." };
        var database = new Option<string>("--database") { Description = "The hub's database file.", DefaultValueFactory = _ => "data/warninghub.db" };
        var command = new Command("import", "Replace the recipient registry with one read from CSV files; a file with any bad row imports nothing.") { dir, database };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(dir)!;
            CountyRegistry registry;
            try
            {
                registry = AnsiConsole.Status().Start($"Reading {folder.FullName}", _ => RegistryCsv.LoadCounty(folder.FullName));
            }
            catch (Exception ex) when (ex is RegistryImportException or RegistryValidationException or FileNotFoundException or DirectoryNotFoundException)
            {
                await Console.Error.WriteLineAsync("Nothing imported:");
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }
            await using var db = new SqliteDatabase(new SqliteOptions { Path = parse.GetValue(database)! });
            await AnsiConsole.Status().StartAsync("Writing the registry", _ => new SqliteRegistryStore(db).SaveAsync(registry, cancellationToken));
            AnsiConsole.MarkupLineInterpolated($"Imported {registry.County.Name}: {registry.Towns.Count} towns, {registry.Villages.Count} villages, {registry.Households.Count:N0} households, {registry.Persons.Count:N0} persons. A running hub loads it at its next start.");
            return 0;
        });
        return command;
    }
}
