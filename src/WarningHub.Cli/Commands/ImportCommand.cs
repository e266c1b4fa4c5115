using System.CommandLine;
using Spectre.Console;
using WarningHub.Core.Registry;
using WarningHub.Storage.Sqlite;

namespace WarningHub.Cli.Commands;

/// <summary>
/// `warninghub import DIR`: load regions.csv, households.csv and persons.csv, and whichever of terminals.csv,
/// subscribers.csv, officers.csv and responsibilities.csv are there, into the hub's database. The registry is replaced whole; an
/// endpoint kind is replaced only when its file is in the folder and kept otherwise. Any bad row, or a kept
/// endpoint that no longer fits the new registry, leaves the database as it was.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("folder")
        {
            Description = "Folder with regions.csv (required), households.csv and persons.csv (together), and optionally terminals.csv, subscribers.csv, officers.csv, responsibilities.csv.",
        };
        var database = new Option<string>("--database") { Description = "The hub's database file.", DefaultValueFactory = _ => "data/warninghub.db" };
        var config = new Option<string?>("--config") { Description = "The hub's settings file (default config/warninghub.json): subscribers.csv's account column must name one of its WeChat accounts." };
        var command = new Command("import", "Replace the recipient registry, and the endpoints whose files are present, with CSV files; any bad row imports nothing.") { dir, database, config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(dir)!;
            IReadOnlyList<string> accounts;
            try
            {
                accounts = WarningHub.Server.HubHost.WeChatAccounts(parse.GetValue(config));
            }
            catch (FileNotFoundException ex)
            {
                await RefuseAsync(ex, hint: null);
                return 1;
            }

            await using var db = new SqliteDatabase(new SqliteOptions { Path = parse.GetValue(database)! });
            var store = new SqliteRegistryStore(db);
            var stored = store.LoadEndpoints();
            CountyRegistry registry;
            EndpointImport read;
            try
            {
                (registry, read) = AnsiConsole.Status().Start($"Reading {folder.FullName}", _ =>
                {
                    var county = RegistryCsv.LoadCounty(folder.FullName);
                    return (county, RegistryCsv.LoadEndpoints(folder.FullName, county, stored, accounts));
                });
            }
            catch (Exception ex) when (ex is RegistryImportException or RegistryValidationException or FileNotFoundException or DirectoryNotFoundException)
            {
                await RefuseAsync(ex, hint: null);
                return 1;
            }

            CountyEndpoints endpoints;
            try
            {
                endpoints = read.ReplaceIn(stored, registry);
            }
            catch (RegistryValidationException ex)
            {
                await RefuseAsync(ex, "Put the missing file in the folder to replace those endpoints, or the file with its header line only to remove them.");
                return 1;
            }

            await AnsiConsole.Status().StartAsync("Writing the registry", _ => store.SaveAsync(registry, endpoints, cancellationToken));
            AnsiConsole.MarkupLineInterpolated($"Imported {registry.County.Name}: {registry.Towns.Count} towns, {registry.Villages.Count} villages, {registry.Households.Count:N0} households, {registry.Persons.Count:N0} persons (registry replaced).");
            Report("Terminals", RegistryCsv.TerminalsFileName, read.Terminals?.Count, stored.Terminals.Count);
            Report("Subscribers", RegistryCsv.SubscribersFileName, read.Subscribers?.Count, stored.Subscribers.Count);
            Report("Officers", RegistryCsv.OfficersFileName, read.Officers?.Count, stored.Officers.Count);
            Report("Responsibilities", RegistryCsv.ResponsibilitiesFileName, read.Responsibilities?.Count, stored.Responsibilities.Count);
            AnsiConsole.MarkupLine("A running hub loads it at its next start.");
            return 0;
        });
        return command;
    }

    private static void Report(string kind, string file, int? imported, int before)
    {
        if (imported is { } count)
        {
            AnsiConsole.MarkupLineInterpolated($"{kind}: {count:N0} imported from {file} (replaced {before:N0}).");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"{kind}: {before:N0} kept from the database (no {file} in the folder).");
        }
    }

    // Every listed error, not the exception message's first ten: the operator fixes the file by this list.
    private static async Task RefuseAsync(Exception ex, string? hint)
    {
        var error = Console.Error;
        switch (ex)
        {
            case RegistryImportException import:
                await error.WriteLineAsync($"Nothing imported, the database is unchanged: {import.TotalErrorCount} bad row(s).");
                foreach (var e in import.Errors) await error.WriteLineAsync("  " + e);
                if (import.TotalErrorCount > import.Errors.Count) await error.WriteLineAsync($"  ... and {import.TotalErrorCount - import.Errors.Count} more");
                break;
            case RegistryValidationException validation:
                await error.WriteLineAsync($"Nothing imported, the database is unchanged: {validation.TotalErrorCount} inconsistency(ies).");
                foreach (var e in validation.Errors) await error.WriteLineAsync("  " + e);
                if (validation.TotalErrorCount > validation.Errors.Count) await error.WriteLineAsync($"  ... and {validation.TotalErrorCount - validation.Errors.Count} more");
                break;
            default:
                await error.WriteLineAsync("Nothing imported, the database is unchanged:");
                await error.WriteLineAsync("  " + ex.Message);
                break;
        }

        if (hint is not null) await error.WriteLineAsync(hint);
    }
}
