using System.Text.Json;

namespace WarningHub.EndToEnd.Tests.Cli;

/// <summary>
/// `warninghub demo` as a newcomer runs it, as a child process: every channel simulated, every slot final, and the
/// simulators' own view agreeing with the hub's. Once on this machine as it is, once with nothing on PATH (no socat,
/// no espeak-ng), as on a fresh machine with only the .NET SDK.
/// </summary>
public sealed class DemoCommandTests(DemoJsonRun json) : IDisposable, IClassFixture<DemoJsonRun>
{
    internal static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private static readonly string[] EveryChannel = ["sms", "loudspeakerIp", "loudspeakerSerial", "wechat", "wecom", "tv"];
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("warninghub-demo-test-");

    [Fact]
    public async Task DemoJson_ReachesEverySlotOfEveryChannel_AndTheSmscsReceiptsAgreeWithTheHub()
    {
        var (run, demo) = await json.ResultAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var channels = demo.GetProperty("channels");
        Assert.Equal(2000, demo.GetProperty("reach").GetProperty("persons").GetProperty("targeted").GetInt32());
        Assert.True(demo.GetProperty("allFinal").GetBoolean());
        var socat = CliProcess.OnPath("socat") is not null;
        foreach (var name in EveryChannel.Append("broadcaster"))
        {
            Assert.True(channels.TryGetProperty(name, out var channel), $"channel {name} is missing: {demo}");
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
    public async Task DemoJson_ClosesTheLoop_OfficersAnswerOrAreEscalated_CadresMark_AndReachCountsIt()
    {
        var (run, demo) = await json.ResultAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var reach = demo.GetProperty("reach");
        foreach (var area in new[] { "villages", "households" })
        {
            var count = reach.GetProperty(area);
            Assert.InRange(count.GetProperty("reached").GetInt32(), 1, count.GetProperty("targeted").GetInt32());
        }
        var persons = reach.GetProperty("persons");
        int P(string name) => persons.GetProperty(name).GetInt32();
        Assert.Equal(2000, P("targeted"));
        Assert.InRange(P("reached"), 1, P("targeted"));
        Assert.Equal(P("targeted"), P("reached") + P("unaccounted"));
        Assert.Equal(P("reached"), P("bySms") + P("byHousehold") + P("byOfficer"));
        Assert.True(P("byOfficer") > 0, $"cadres marked households, yet no person counts as reached by an officer: {persons}");
        Assert.InRange(P("evacuated"), 1, P("targeted")); // a household marked evacuated counts all its persons, reached before or not
        var times = reach.GetProperty("timeToReachMs");
        Assert.True(times.GetProperty("p50").GetInt64() <= times.GetProperty("p90").GetInt64(), times.ToString());
        Assert.True(times.GetProperty("p90").GetInt64() <= times.GetProperty("p95").GetInt64(), times.ToString());

        var timeline = demo.GetProperty("timeline");
        Assert.Equal((10, 15), (timeline.GetProperty("ackDeadlineSeconds").GetInt32(), timeline.GetProperty("doorToDoorAfterSeconds").GetInt32()));
        var ack = demo.GetProperty("acknowledgements");
        int A(string name) => ack.GetProperty(name).GetInt32();
        Assert.True(A("officers") > 0, ack.ToString());
        Assert.True(A("answered") + A("silent") <= A("officers"), ack.ToString());
        Assert.InRange(A("answered"), 1, A("officers") - 1);
        // Some simulated officers never answer: the next tier must have been told of them.
        Assert.True(A("silent") >= 1 && A("escalated") >= A("silent"), ack.ToString());
        Assert.True(ack.GetProperty("medianAnswerSeconds").GetDouble() > 0, ack.ToString());
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
        Assert.Contains("compressed timeline: 叫应 deadline 10 s, door-to-door after 15 s", run.Text, StringComparison.Ordinal);
        Assert.Contains("rather than compressing a clock", run.Text, StringComparison.Ordinal);
        Assert.Matches(@"叫应 board: \d+ officers called; \d+ answered", run.Text);
        // The per-officer board follows the loop's summary, with its deadline as the demo set it.
        var summary = run.Text.IndexOf("叫应 board:", StringComparison.Ordinal);
        var board = run.Text.IndexOf("叫应 of ", StringComparison.Ordinal);
        Assert.True(board > summary, $"the 叫应 board (at {board}) comes after the loop summary (at {summary})");
        Assert.Matches(@"Officers 责任人: \d+, \d+ answered, \d+ silent, \d+ escalated; deadline 00:00:10", run.Text);
        Assert.Matches(@"Door to door 入户: [1-9]\d* cadres opened their links and marked [1-9]\d* households", run.Text);
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

/// <summary>One `demo --json` run shared by the tests that read its answer: a run takes half a minute.</summary>
public sealed class DemoJsonRun : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("warninghub-demo-json-");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DemoExit Run, JsonElement Demo)? _result;

    /// <summary>The run's exit and its JSON answer, running the demo the first time it is asked for.</summary>
    public async Task<(DemoExit Run, JsonElement Demo)> ResultAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_result is { } done) return done;
            var run = await CliProcess.RunAsync(_work.FullName, environment: null, DemoCommandTests.Bound, "demo", "--json", "--persons", "2000");
            Assert.True(run.ExitCode == 0, run.ToString());
            using var json = JsonDocument.Parse(run.Output);
            _result = (new DemoExit(run.ExitCode, run.ToString()), json.RootElement.Clone());
            return _result.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Dispose();
        try { _work.Delete(recursive: true); } catch (IOException) { /* best effort */ }
    }
}

/// <summary>How a demo run ended: its exit code and, for a failure message, everything it printed.</summary>
public sealed record DemoExit(int ExitCode, string Printed)
{
    public override string ToString() => Printed;
}
