using System.Text.Json;

namespace WarningHub.EndToEnd.Tests.Cli;

/// <summary>
/// `warninghub demo` as a newcomer runs it, as a child process: every channel simulated, every slot final, and the
/// simulators' own view agreeing with the hub's. Once on this machine as it is, once with nothing on PATH (no socat,
/// no espeak-ng), as on a fresh machine with only the .NET SDK.
/// </summary>
public sealed class DemoCommandTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private static readonly string[] EveryChannel = ["sms", "loudspeakerIp", "loudspeakerSerial", "wechat", "wecom", "tv"];
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("warninghub-demo-test-");

    [Fact]
    public async Task DemoJson_ReachesEverySlotOfEveryChannel_AndTheSmscsReceiptsAgreeWithTheHub()
    {
        var run = await CliProcess.RunAsync(_work.FullName, environment: null, Bound, "demo", "--json", "--persons", "2000");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var demo = json.RootElement;
        var channels = demo.GetProperty("channels");
        Assert.Equal(2000, demo.GetProperty("reach").GetProperty("persons").GetProperty("targeted").GetInt32());
        Assert.True(demo.GetProperty("allFinal").GetBoolean());
        var socat = CliProcess.OnPath("socat") is not null;
        foreach (var name in EveryChannel.Append("broadcaster"))
        {
            Assert.True(channels.TryGetProperty(name, out var channel), $"channel {name} is missing: {run.Output}");
            if (name == "loudspeakerSerial" && !socat)
            {
                Assert.Equal("socat is not installed", channel.GetProperty("skipped").GetString());
                continue;
            }
            AssertAllFinal(name, channel);
        }
        AssertSmscAgrees(demo, "sms");
        AssertSmscAgrees(demo, "broadcaster");
        Assert.Equal(119, channels.GetProperty("loudspeakerIp").GetProperty("planned").GetInt32());
        Assert.Equal(0, channels.GetProperty("loudspeakerIp").GetProperty("offline").GetInt32());
        Assert.Equal(15, channels.GetProperty("wecom").GetProperty("planned").GetInt32());
        Assert.Equal(2, channels.GetProperty("tv").GetProperty("delivered").GetInt32());
        Assert.StartsWith("【暴雨红色预警】", Assert.Single(demo.GetProperty("tvOnAir").EnumerateArray()).GetString(), StringComparison.Ordinal);
        var confirmed = demo.GetProperty("broadcasterConfirmations").GetProperty("villages").GetInt32();
        Assert.InRange(confirmed, 1, channels.GetProperty("broadcaster").GetProperty("delivered").GetInt32());
        var bulletin = demo.GetProperty("bulletin");
        Assert.True(bulletin.GetProperty("seconds").GetDouble() > 0);
        // What the terminals received lasts as long as the clip the hub made (RTP streams play in real time).
        Assert.InRange(bulletin.GetProperty("rtpSeconds").GetDouble(), bulletin.GetProperty("seconds").GetDouble() - 0.5, bulletin.GetProperty("seconds").GetDouble() + 0.5);
    }

    [Fact]
    public async Task Demo_OnAMachineWithoutSocatOrEspeak_SkipsSerialLoudspeakersAndPlaysTonesOnly_AndStillEndsWithEverySlotFinal()
    {
        var emptyPath = _work.CreateSubdirectory("empty-path").FullName;

        var run = await CliProcess.RunAsync(_work.FullName, new Dictionary<string, string?> { ["PATH"] = emptyPath, ["COLUMNS"] = "200" }, Bound,
            "demo", "--persons", "2000");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Serial loudspeakers skipped: socat is not installed", run.Text, StringComparison.Ordinal);
        Assert.Contains("Speech: no speech engine (espeak-ng could not be run", run.Text, StringComparison.Ordinal);
        Assert.Contains("of alert tones only (no speech)", run.Text, StringComparison.Ordinal);
        Assert.Contains("Every slot of every channel reached a final state", run.Text, StringComparison.Ordinal);
        foreach (var channel in EveryChannel.Where(c => c != "loudspeakerSerial"))
        {
            Assert.Matches($@"\s{channel}\s+[1-9][\d,]*\s", run.Text);
        }
        Assert.DoesNotContain("Unhandled exception", run.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try { _work.Delete(recursive: true); } catch (IOException) { /* best effort */ }
    }

    private static void AssertAllFinal(string name, JsonElement channel)
    {
        int N(string count) => channel.GetProperty(count).GetInt32();
        Assert.True(N("planned") > 0, $"{name}: nothing planned");
        Assert.True(N("delivered") + N("failed") == N("planned"), $"{name}: {N("delivered")} delivered + {N("failed")} failed != {N("planned")} planned");
        Assert.Equal(N("planned"), N("sent"));
        Assert.Equal(0, N("possiblyDuplicated"));
    }

    /// <summary>The hub's delivered and failed counts are what the SMSC's receipts said, message by message.</summary>
    private static void AssertSmscAgrees(JsonElement demo, string channel)
    {
        var hub = demo.GetProperty("channels").GetProperty(channel);
        var smsc = demo.GetProperty("smsc").GetProperty(channel);
        Assert.Equal(hub.GetProperty("planned").GetInt32(), smsc.GetProperty("messages").GetInt32());
        Assert.Equal(hub.GetProperty("delivered").GetInt32(), smsc.GetProperty("delivered").GetInt32());
        Assert.Equal(hub.GetProperty("failed").GetInt32(), smsc.GetProperty("undelivered").GetInt32());
    }
}
