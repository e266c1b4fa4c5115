using System.Globalization;
using System.Text.Json;
using WarningHub.EndToEnd.Tests.Approval;
using WarningHub.EndToEnd.Tests.Cli;

namespace WarningHub.EndToEnd.Tests.Drills;

/// <summary>`warninghub preview`, `drills add|list` and `drill-report` through the real program against a running hub.</summary>
public sealed class DrillCliTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Cli_PreviewDrillsAndDrillReport_AnswerFromTheHub_AndRefuseANonAdministrator()
    {
        await using var hub = await TestHub.StartAsync(persons: 400);
        await DrillTests.AdministratorAsync(hub);
        var url = hub.Http.BaseAddress!.ToString();
        var work = Directory.CreateTempSubdirectory("warninghub-drillcli-");
        try
        {
            var town = hub.Registry.TownOf(hub.Registry.Villages[0].Code)!.Code;
            var file = Path.Combine(work.FullName, "drill.cap.xml");
            await File.WriteAllTextAsync(file, LiveWarning.Xml(DrillTests.ExerciseIn(town)));
            var asAgency = new Dictionary<string, string?> { ["WARNINGHUB_API_KEY"] = TestHub.ApiKey, ["WARNINGHUB_PASSWORD"] = null };

            // Before the drill: the Exercise previews to test recipients only; the table names the channel.
            var before = await CliProcess.RunAsync(work.FullName, asAgency, Timeout, "preview", file, "--url", url, "--json");
            Assert.True(before.ExitCode == 0, before.ToString());
            var testOnly = JsonDocument.Parse(before.Output).RootElement.GetProperty("channels").GetProperty("sms").GetProperty("recipients").GetInt32();
            var table = await CliProcess.RunAsync(work.FullName, asAgency, Timeout, "preview", file, "--url", url);
            Assert.True(table.ExitCode == 0, table.ToString());
            Assert.Contains("sms", table.Text, StringComparison.Ordinal);
            Assert.Contains("Forecast", table.Text, StringComparison.Ordinal);

            var now = TimeProvider.System.GetUtcNow();
            string Time(DateTimeOffset t) => t.ToString("O", CultureInfo.InvariantCulture);
            var refused = await CliProcess.RunWithInputAsync(work.FullName, asAgency, Timeout, "not-the-password", "drills", "add", "--area", town,
                "--from", Time(now.AddMinutes(-1)), "--to", Time(now.AddHours(1)), "--user", "ada", "--url", url);
            Assert.NotEqual(0, refused.ExitCode);
            var added = await CliProcess.RunWithInputAsync(work.FullName, asAgency, Timeout, ApprovalHub.Password, "drills", "add", "--area", town,
                "--from", Time(now.AddMinutes(-1)), "--to", Time(now.AddHours(1)), "--user", "ada", "--url", url);
            Assert.True(added.ExitCode == 0, added.ToString());
            Assert.Contains("authorised", added.Text, StringComparison.Ordinal);
            var list = await CliProcess.RunWithInputAsync(work.FullName, asAgency, Timeout, ApprovalHub.Password, "drills", "list", "--user", "ada", "--url", url, "--json");
            Assert.True(list.ExitCode == 0, list.ToString());
            Assert.Equal(town[..9], JsonDocument.Parse(list.Output).RootElement[0].GetProperty("areas")[0].GetString());

            // Inside the drill the same file previews to the town's real population, then is released to it.
            var inside = await CliProcess.RunAsync(work.FullName, asAgency, Timeout, "preview", file, "--url", url, "--json");
            var preview = JsonDocument.Parse(inside.Output).RootElement;
            Assert.True(preview.GetProperty("channels").GetProperty("sms").GetProperty("recipients").GetInt32() > testOnly);
            Assert.Equal(JsonValueKind.Number, preview.GetProperty("drill").ValueKind);
            var id = await hub.SubmitAcceptedAsync(DrillTests.ExerciseIn(town));
            await hub.WaitAllFinalAsync(id);
            var report = await CliProcess.RunAsync(work.FullName, asAgency, Timeout, "drill-report", id, "--url", url, "--json");
            Assert.True(report.ExitCode == 0, report.ToString());
            var sms = JsonDocument.Parse(report.Output).RootElement.GetProperty("channels").GetProperty("sms");
            Assert.Equal(preview.GetProperty("channels").GetProperty("sms").GetProperty("recipients").GetInt32(), sms.GetProperty("planned").GetInt32());
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
