using Microsoft.Data.Sqlite;
using WarningHub.Core.Registry;
using WarningHub.Storage.Sqlite;

namespace WarningHub.EndToEnd.Tests.Cli;

/// <summary>
/// `warninghub generate` and `warninghub import` as an operator runs them: a generated folder round-trips, a bad
/// row changes nothing, and endpoint files that are absent keep what the database holds.
/// </summary>
public sealed class ImportCommandTests : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("warninghub-import-");

    private string Database => Path.Combine(_work.FullName, "hub.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task GenerateThenImport_StoresEveryRowOfEveryFile()
    {
        var folder = await GenerateAsync("county", persons: 400, seed: 3);

        var run = await ImportAsync(folder);

        Assert.True(run.ExitCode == 0, run.ToString());
        var registry = RegistryCsv.LoadCounty(folder);
        var files = RegistryCsv.LoadEndpoints(folder, registry);
        Assert.True(files.Terminals!.Count > registry.Villages.Count && files.Subscribers!.Count > 0 && files.Officers!.Count > registry.Villages.Count,
            "generate wrote every kind of endpoint");
        Assert.Contains($"Terminals: {files.Terminals.Count} imported from terminals.csv (replaced 0).", run.Text, StringComparison.Ordinal);
        Assert.Contains($"Subscribers: {files.Subscribers.Count} imported from subscribers.csv (replaced 0).", run.Text, StringComparison.Ordinal);
        Assert.Contains($"Officers: {files.Officers.Count} imported from officers.csv (replaced 0).", run.Text, StringComparison.Ordinal);
        Assert.Contains($"Responsibilities: {files.Responsibilities!.Count} imported from responsibilities.csv (replaced 0).", run.Text, StringComparison.Ordinal);
        var (storedRegistry, stored) = await ReadDatabaseAsync();
        Assert.Equal(registry.Persons, storedRegistry!.Persons);
        Assert.Equal(registry.Households.Select(h => h.CadreId), storedRegistry.Households.Select(h => h.CadreId));
        Assert.All(storedRegistry.Households, h => Assert.NotNull(h.CadreId));
        Assert.Equal(files.Responsibilities.Count, stored.Responsibilities.Count);
        Assert.Contains(stored.Responsibilities, r => r.Tier == ResponsibilityTier.County);
        Assert.Equal(files.Terminals.OrderBy(t => t.Id, StringComparer.Ordinal), stored.Terminals);
        Assert.Equal(files.Subscribers.OrderBy(s => s.OpenId, StringComparer.Ordinal), stored.Subscribers);
        Assert.Equal(files.Officers.OrderBy(o => o.Id), stored.Officers);
    }

    [Fact]
    public async Task GenerateForTwoAccounts_ImportsUnderSettingsWithBoth_AndAnAccountTheSettingsLackIsRefusedNamingItsLine()
    {
        var folder = Path.Combine(_work.FullName, "two");
        var generated = await CliProcess.RunAsync(_work.FullName, "generate", "--persons", "400", "--seed", "3", "--out", folder, "--wechat-accounts", "city", "county");
        Assert.True(generated.ExitCode == 0, generated.ToString());
        var both = Settings("both.json", "city", "county");
        var countyOnly = Settings("county.json", "county");

        var refused = await CliProcess.RunAsync(_work.FullName, "import", folder, "--database", Database, "--config", countyOnly);
        var imported = await CliProcess.RunAsync(_work.FullName, "import", folder, "--database", Database, "--config", both);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Nothing imported, the database is unchanged", refused.Error, StringComparison.Ordinal);
        Assert.Matches(@"subscribers\.csv line \d+, field account: names WeChat account 'city', which is not configured \(the hub has county\)", refused.Error);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        var stored = (await ReadDatabaseAsync()).Endpoints.Subscribers;
        Assert.Contains(stored, s => s.Account == "city");
        Assert.Contains(stored, s => s.Account == "county");
        Assert.Contains(stored, s => s.Account is null && s.IsTest); // the bureau's test follower: the default account
    }

    private string Settings(string name, params string[] accounts)
    {
        var path = Path.Combine(_work.FullName, name);
        File.WriteAllText(path, "{\"WarningHub\":{\"WeChat\":{" + string.Join(",", accounts.Select(a => $"\"{a}\":{{\"AppId\":\"wx-{a}\"}}")) + "}}}");
        return path;
    }

    [Fact]
    public async Task Import_FolderWithOneBadTerminalRow_ExitsOneAndLeavesTheDatabaseAsItWas()
    {
        Assert.Equal(0, (await ImportAsync(await GenerateAsync("good", persons: 400, seed: 3))).ExitCode);
        var before = await ReadDatabaseAsync();
        // Another county in every file, so a partial write of any of them would show.
        var bad = await GenerateAsync("bad", persons: 300, seed: 9);
        var terminals = Path.Combine(bad, RegistryCsv.TerminalsFileName);
        var lines = File.ReadAllLines(terminals).Length;
        await File.AppendAllTextAsync(terminals, "ip-typo,511124101201,loudspeakerIp,rtp://10.51.0.1,false\n");

        var run = await ImportAsync(bad);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"terminals.csv line {lines + 1}, field address: 'rtp://10.51.0.1' needs an explicit port for RTP", run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing imported, the database is unchanged", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Imported", run.Output, StringComparison.Ordinal);
        var after = await ReadDatabaseAsync();
        Assert.Equal(before.Registry!.Persons, after.Registry!.Persons);
        Assert.Equal(before.Endpoints.Terminals, after.Endpoints.Terminals);
        Assert.Equal(before.Endpoints.Subscribers, after.Endpoints.Subscribers);
        Assert.Equal(before.Endpoints.Officers, after.Endpoints.Officers);
    }

    [Fact]
    public async Task Import_WithoutSomeEndpointFiles_KeepsThoseAndSaysSo_HeaderOnlyFileRemovesAll()
    {
        var folder = await GenerateAsync("county", persons: 400, seed: 3);
        Assert.Equal(0, (await ImportAsync(folder)).ExitCode);
        var before = (await ReadDatabaseAsync()).Endpoints;
        File.Delete(Path.Combine(folder, RegistryCsv.TerminalsFileName));
        File.Delete(Path.Combine(folder, RegistryCsv.OfficersFileName)); // responsibilities.csv and cadre_id are checked against the kept officers
        await File.WriteAllTextAsync(Path.Combine(folder, RegistryCsv.SubscribersFileName), "openid,village_code,household_id,is_test\n");

        var run = await ImportAsync(folder);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Terminals: {before.Terminals.Count} kept from the database (no terminals.csv in the folder).", run.Text, StringComparison.Ordinal);
        Assert.Contains($"Officers: {before.Officers.Count} kept from the database (no officers.csv in the folder).", run.Text, StringComparison.Ordinal);
        Assert.Contains($"Subscribers: 0 imported from subscribers.csv (replaced {before.Subscribers.Count}).", run.Text, StringComparison.Ordinal);
        var after = (await ReadDatabaseAsync()).Endpoints;
        Assert.Equal(before.Terminals, after.Terminals);
        Assert.Equal(before.Officers, after.Officers);
        Assert.Empty(after.Subscribers);
    }

    [Fact]
    public async Task Import_HeaderOnlyOfficersBesideResponsibilitiesThatNameThem_IsRefusedWithLines()
    {
        var folder = await GenerateAsync("county", persons: 400, seed: 3);
        await File.WriteAllTextAsync(Path.Combine(folder, RegistryCsv.OfficersFileName), "id,name,phone,region_code,role\n");

        var run = await ImportAsync(folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("responsibilities.csv line 2, field officer_id: officer ", run.Error, StringComparison.Ordinal);
        Assert.Contains("households.csv line 2, field cadre_id: officer ", run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing imported, the database is unchanged", run.Error, StringComparison.Ordinal);
        Assert.Null((await ReadDatabaseAsync()).Registry);
    }

    [Fact]
    public async Task Import_KeptEndpointsThatNoLongerFit_AreRefusedWithAHint()
    {
        var folder = await GenerateAsync("county", persons: 400, seed: 3);
        Assert.Equal(0, (await ImportAsync(folder)).ExitCode);
        var before = await ReadDatabaseAsync();
        // A new registry without households, and no subscribers.csv: the kept followers name households it lacks.
        File.Delete(Path.Combine(folder, RegistryCsv.HouseholdsFileName));
        File.Delete(Path.Combine(folder, RegistryCsv.PersonsFileName));
        File.Delete(Path.Combine(folder, RegistryCsv.SubscribersFileName));
        File.Delete(Path.Combine(folder, RegistryCsv.OfficersFileName));

        var run = await ImportAsync(folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("kept from the database (its file is not in the folder): subscriber ", run.Error, StringComparison.Ordinal);
        Assert.Contains("is not in the registry", run.Error, StringComparison.Ordinal);
        Assert.Contains("Put the missing file in the folder", run.Error, StringComparison.Ordinal);
        Assert.Equal(before.Registry!.Persons, (await ReadDatabaseAsync()).Registry!.Persons);
    }

    private async Task<string> GenerateAsync(string name, int persons, int seed)
    {
        var folder = Path.Combine(_work.FullName, name);
        var run = await CliProcess.RunAsync(_work.FullName, "generate", "--persons", $"{persons}", "--seed", $"{seed}", "--out", folder);
        Assert.True(run.ExitCode == 0, run.ToString());
        return folder;
    }

    private Task<CliResult> ImportAsync(string folder) => CliProcess.RunAsync(_work.FullName, "import", folder, "--database", Database);

    private async Task<(CountyRegistry? Registry, CountyEndpoints Endpoints)> ReadDatabaseAsync()
    {
        await using var db = new SqliteDatabase(new SqliteOptions { Path = Database });
        var store = new SqliteRegistryStore(db);
        var result = (store.Load(), store.LoadEndpoints());
        SqliteConnection.ClearAllPools();
        return result;
    }
}
