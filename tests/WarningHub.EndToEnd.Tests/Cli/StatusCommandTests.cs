namespace WarningHub.EndToEnd.Tests.Cli;

/// <summary>`warninghub status` and `reach` read with the agency's key, like `submit`: without it the hub refuses.</summary>
public sealed class StatusCommandTests
{
    private static readonly Dictionary<string, string?> NoKeyInEnvironment = new() { ["WARNINGHUB_API_KEY"] = null };

    [Fact]
    public async Task StatusAndReach_WithTheAgencysKey_ShowTheWarning_AndWithoutAKeyFailSayingHowToGiveIt()
    {
        await using var hub = await TestHub.StartAsync(persons: 200);
        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var url = hub.Http.BaseAddress!.ToString();
        var work = Path.GetTempPath();
        var timeout = TimeSpan.FromMinutes(2);

        var status = await CliProcess.RunAsync(work, NoKeyInEnvironment, timeout, "status", id, "--url", url, "--api-key", TestHub.ApiKey);
        var reach = await CliProcess.RunAsync(work, new Dictionary<string, string?> { ["WARNINGHUB_API_KEY"] = TestHub.ApiKey }, timeout,
            "reach", id, "--url", url, "--json");
        var anonymous = await CliProcess.RunAsync(work, NoKeyInEnvironment, timeout, "status", id, "--url", url);

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains(id, status.Text, StringComparison.Ordinal);
        Assert.True(reach.ExitCode == 0, reach.ToString());
        Assert.Contains($"\"warningId\":\"{id}\"", reach.Output, StringComparison.Ordinal);
        Assert.Equal(1, anonymous.ExitCode);
        Assert.Contains("--api-key", anonymous.Error, StringComparison.Ordinal);
    }
}
