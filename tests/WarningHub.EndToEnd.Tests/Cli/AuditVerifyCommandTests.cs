using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using WarningHub.Core.Audit;
using WarningHub.Storage.Sqlite;

namespace WarningHub.EndToEnd.Tests.Cli;

/// <summary>
/// `warninghub audit verify --head HASH --rows N`: a hash chain alone cannot see rows cut off its end (what is left
/// still verifies); the head and count an earlier verify printed can.
/// </summary>
public sealed partial class AuditVerifyCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Verify_WithTheKeptHead_PassesWhenRowsWereOnlyAppended_AndNamesRowsCutOffTheEndOrRewritten()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-audit-");
        try
        {
            var database = Path.Combine(folder.FullName, "hub.db");
            await AppendAsync(database, "alice", "bob", "carol", "dave");
            var first = await VerifyAsync(folder, database);
            Assert.True(first.ExitCode == 0, first.ToString());
            var kept = KeepLine().Match(first.Output);
            Assert.True(kept.Success, $"verify prints the head and count to keep: {first.Output}");
            var (head, rows) = (kept.Groups["head"].Value, kept.Groups["rows"].Value);
            Assert.Equal("4", rows);

            // A row appended since is no loss.
            await AppendAsync(database, "erin");
            var appended = await VerifyAsync(folder, database, "--head", head, "--rows", rows);
            Assert.True(appended.ExitCode == 0, appended.ToString());
            Assert.Contains("The kept head is row 4; 1 rows were appended after it.", appended.Output, StringComparison.Ordinal);

            // The last two rows cut off: the chain alone still verifies, the kept head does not.
            await ExecuteAsync(database, "DELETE FROM audit WHERE seq >= 4");
            var alone = await VerifyAsync(folder, database);
            Assert.True(alone.ExitCode == 0, $"a chain cut at its end still verifies on its own: {alone}");
            var cut = await VerifyAsync(folder, database, "--head", head, "--rows", rows);
            Assert.Equal(1, cut.ExitCode);
            Assert.Contains("the row count is short: 3 rows where 4 were kept", cut.Error, StringComparison.Ordinal);
            var byHashOnly = await VerifyAsync(folder, database, "--head", head);
            Assert.Equal(1, byHashOnly.ExitCode);
            Assert.Contains($"no row has hash {head}", byHashOnly.Error, StringComparison.Ordinal);

            // The end cut and written again, chained properly: the count is back, the hash at row 4 is not.
            await AppendAsync(database, "mallory");
            var rewritten = await VerifyAsync(folder, database, "--head", head, "--rows", rows);
            Assert.Equal(1, rewritten.ExitCode);
            Assert.Contains($"differs from the kept head {head}", rewritten.Error, StringComparison.Ordinal);
            Assert.Contains("row 4's hash", rewritten.Error, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private static Task<CliResult> VerifyAsync(DirectoryInfo folder, string database, params string[] more) =>
        CliProcess.RunAsync(folder.FullName, null, Timeout, ["audit", "verify", "--database", database, .. more]);

    private static async Task AppendAsync(string database, params string[] users)
    {
        await using var db = new SqliteDatabase(new SqliteOptions { Path = database });
        var trail = new SqliteAuditTrail(db, TimeProvider.System);
        foreach (var user in users) await trail.AppendAsync(new AuditEntry("admin", AuditActions.UserAdd, user, "role approver"), default);
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.True(await command.ExecuteNonQueryAsync() > 0);
    }

    [GeneratedRegex(@"warninghub audit verify --head (?<head>[0-9a-f]{64}) --rows (?<rows>\d+)")]
    private static partial Regex KeepLine();
}
