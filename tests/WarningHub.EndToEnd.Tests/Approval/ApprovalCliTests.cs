using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.EndToEnd.Tests.Cli;

namespace WarningHub.EndToEnd.Tests.Approval;

/// <summary>
/// The same rule through the real `warninghub` program: users added with the password on stdin, `pending`,
/// `approve` twice by one user, then by another, `reject`, and `audit verify` / `export` on the hub's database.
/// </summary>
public sealed class ApprovalCliTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Cli_UsersPendingApproveRejectDisable_KeepTheTwoPersonRule_AndTheAuditVerifies_UntilARowIsChanged()
    {
        await using var hub = await ApprovalHub.StartAsync();
        var database = hub.App.Services.GetRequiredService<WarningHub.Storage.Sqlite.SqliteDatabase>().Path;
        var url = hub.Http.BaseAddress!.ToString();
        var work = Path.GetTempPath();
        var noPassword = new Dictionary<string, string?> { ["WARNINGHUB_PASSWORD"] = null };
        Dictionary<string, string?> As(string password) => new() { ["WARNINGHUB_PASSWORD"] = password };

        var added = await CliProcess.RunWithInputAsync(work, noPassword, Timeout, "erin-secret-pass", "users", "add", "erin", "--role", "approver", "--phone", "13900139000", "--database", database);
        Assert.True(added.ExitCode == 0, added.ToString());
        var shortPassword = await CliProcess.RunWithInputAsync(work, noPassword, Timeout, "short", "users", "add", "frank", "--role", "approver", "--database", database);
        Assert.Equal(1, shortPassword.ExitCode);
        var badRole = await CliProcess.RunWithInputAsync(work, noPassword, Timeout, "frank-secret-pass", "users", "add", "frank", "--role", "king", "--database", database);
        Assert.Equal(1, badRole.ExitCode);
        var list = await CliProcess.RunWithInputAsync(work, noPassword, Timeout, null, "users", "list", "--database", database);
        Assert.Contains("erin", list.Text, StringComparison.Ordinal);
        Assert.Contains("139****9000", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("13900139000", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("frank", list.Text, StringComparison.Ordinal);

        var id = (await hub.SubmitPendingAsync(LiveWarning.Sample("red-rainstorm.cap.xml"))).GetProperty("id").GetString()!;
        var pending = await CliProcess.RunWithInputAsync(work, noPassword, Timeout, "erin-secret-pass", "pending", "--user", "erin", "--url", url, "--json");
        Assert.True(pending.ExitCode == 0, pending.ToString());
        Assert.Contains(id, pending.Output, StringComparison.Ordinal);

        var first = await CliProcess.RunWithInputAsync(work, As("erin-secret-pass"), Timeout, null, "approve", id, "--user", "erin", "--url", url);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("1 of 2", first.Text, StringComparison.Ordinal);
        var again = await CliProcess.RunWithInputAsync(work, noPassword, Timeout, "erin-secret-pass", "approve", id, "--user", "erin", "--url", url);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("409", again.Error, StringComparison.Ordinal);
        var wrongPassword = await CliProcess.RunWithInputAsync(work, As("not-erins-password"), Timeout, null, "approve", id, "--user", "erin", "--url", url);
        Assert.Equal(1, wrongPassword.ExitCode);
        Assert.Equal("PendingApproval", ApprovalHub.State(await hub.WarningAsync(id)));

        var second = await CliProcess.RunWithInputAsync(work, As(ApprovalHub.Password), Timeout, null, "approve", id, "--user", "alice", "--url", url);
        Assert.True(second.ExitCode == 0, second.ToString());
        await hub.WaitReleasedAsync(id);

        var other = (await hub.SubmitPendingAsync(LiveWarning.Sample("red-rainstorm.cap.xml"))).GetProperty("id").GetString()!;
        var rejected = await CliProcess.RunWithInputAsync(work, As(ApprovalHub.Password), Timeout, null, "reject", other, "--user", "bob", "--reason", "重复发布", "--url", url);
        Assert.True(rejected.ExitCode == 0, rejected.ToString());
        Assert.Equal("Rejected", ApprovalHub.State(await hub.WarningAsync(other)));

        var disabled = await CliProcess.RunWithInputAsync(work, noPassword, Timeout, null, "users", "disable", "erin", "--database", database);
        Assert.True(disabled.ExitCode == 0, disabled.ToString());
        var third = (await hub.SubmitPendingAsync(LiveWarning.Sample("red-rainstorm.cap.xml"))).GetProperty("id").GetString()!;
        var refusedSignIn = await CliProcess.RunWithInputAsync(work, As("erin-secret-pass"), Timeout, null, "approve", third, "--user", "erin", "--url", url);
        Assert.Equal(1, refusedSignIn.ExitCode);
        Assert.Contains("401", refusedSignIn.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await hub.WarningAsync(third)).GetProperty("approval").GetProperty("approvals").GetInt32());

        var verified = await CliProcess.RunWithInputAsync(work, noPassword, Timeout, null, "audit", "verify", "--database", database);
        Assert.True(verified.ExitCode == 0, verified.ToString());
        var csv = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.csv");
        try
        {
            var exported = await CliProcess.RunWithInputAsync(work, noPassword, Timeout, null, "audit", "export", "--from", "2000-01-01T00:00:00Z", "--to", "2100-01-01T00:00:00Z",
                "--database", database, "--out", csv);
            Assert.True(exported.ExitCode == 0, exported.ToString());
            var text = await File.ReadAllTextAsync(csv);
            Assert.StartsWith("seq,at,actor,action,subject,detail,prev,hash", text, StringComparison.Ordinal);
            foreach (var action in new[] { "user.add", "user.disable", "submit", "approve", "approved", "release", "reject", "settings", "session.start", "session.refused" })
                Assert.Contains($",{action},", text, StringComparison.Ordinal);
            Assert.DoesNotContain("13900139000", text, StringComparison.Ordinal);
            Assert.DoesNotContain("13800138001", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(csv);
        }

        // Someone with the database file changes one row: verify names it and fails.
        await using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            await connection.OpenAsync();
            await using var tamper = connection.CreateCommand();
            tamper.CommandText = "UPDATE audit SET actor = 'mallory' WHERE seq = 3";
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }
        var broken = await CliProcess.RunWithInputAsync(work, noPassword, Timeout, null, "audit", "verify", "--database", database);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("row 3", broken.Error, StringComparison.Ordinal);
    }
}
