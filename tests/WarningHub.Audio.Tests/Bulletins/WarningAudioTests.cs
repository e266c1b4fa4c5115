using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Core.Cap;

namespace WarningHub.Audio.Tests.Bulletins;

public sealed class WarningAudioTests : IDisposable
{
    private static readonly BroadcastTemplates Templates = BroadcastTemplates.Load();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "warninghub-audio-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 7, 15, 2, 30, 0, TimeSpan.FromHours(8)));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private WarningAudio Audio(ISpeechSynthesizer speech, string? cacheFolder = null, ILogger<WarningAudio>? logger = null) =>
        new(speech, Templates, Options.Create(new AudioOptions { CacheFolder = cacheFolder }), time, logger);

    [Fact]
    public async Task EstimateLength_IsTheToneTwiceAndTheScriptAtTheSpeakingRate_AndCloseToTheClipMade()
    {
        var speech = new FakeSynthesizer();
        var slow = new WarningAudio(speech, Templates, Options.Create(new AudioOptions { Rate = 100 }), time);
        var fast = new WarningAudio(speech, Templates, Options.Create(new AudioOptions { Rate = 300 }), time);
        var tonesOnly = new WarningAudio(new NoSpeechSynthesizer(), Templates, Options.Create(new AudioOptions { SpeechEngine = SpeechEngines.None }), time);

        var atSlow = slow.EstimateLength(SampleWarnings.ShortRedRainstorm, CapStatus.Actual, "zh-CN");
        var atFast = fast.EstimateLength(SampleWarnings.ShortRedRainstorm, CapStatus.Actual, "zh-CN");
        var tones = tonesOnly.EstimateLength(SampleWarnings.ShortRedRainstorm, CapStatus.Actual, "zh-CN");

        Assert.True(atSlow > atFast && atFast > tones, $"{atSlow} > {atFast} > {tones}");
        var clip = (await tonesOnly.GetAsync("W1", SampleWarnings.ShortRedRainstorm, CapStatus.Actual, "zh-CN", CancellationToken.None)).Clip;
        Assert.InRange(tones.TotalSeconds, clip.Duration.TotalSeconds * 0.8, clip.Duration.TotalSeconds * 1.2);
    }

    [Fact]
    public async Task SecondRequest_IsServedFromMemory_WithoutSynthesisingAgain()
    {
        var speech = new FakeSynthesizer();
        var audio = Audio(speech);

        var first = await audio.GetAsync("W1", SampleWarnings.ShortRedRainstorm, CapStatus.Actual, "zh-CN", CancellationToken.None);
        var second = await audio.GetAsync("W1", SampleWarnings.ShortRedRainstorm, CapStatus.Actual, "zh-CN", CancellationToken.None);

        Assert.Equal(1, speech.Calls);
        Assert.Same(first.Clip, second.Clip);
        Assert.True(first.IsSpoken);
        Assert.StartsWith("W1.zh-CN.", first.Clip.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimultaneousRequests_ShareOneSynthesis()
    {
        var speech = new FakeSynthesizer { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var audio = Audio(speech);

        var requests = Enumerable.Range(0, 8)
            .Select(_ => audio.GetAsync("W1", SampleWarnings.ShortRedRainstorm, CapStatus.Actual, "zh-CN", CancellationToken.None))
            .ToList();
        speech.Gate.SetResult();
        var bulletins = await Task.WhenAll(requests);

        Assert.Equal(1, speech.Calls);
        Assert.All(bulletins, b => Assert.Same(bulletins[0].Clip, b.Clip));
    }

    [Fact]
    public async Task OtherLanguage_OtherStatus_OrChangedScript_IsAnotherBulletin()
    {
        var speech = new FakeSynthesizer();
        var audio = Audio(speech);
        var alert = SampleWarnings.ShortRedRainstorm;
        var changed = alert with { Infos = [alert.Infos[0] with { Instruction = "请勿外出。" }, alert.Infos[1]] };

        var ids = new HashSet<string>
        {
            (await audio.GetAsync("W1", alert, CapStatus.Actual, "zh-CN", CancellationToken.None)).Clip.Id,
            (await audio.GetAsync("W1", alert, CapStatus.Actual, "en-US", CancellationToken.None)).Clip.Id,
            (await audio.GetAsync("W1", alert, CapStatus.Exercise, "zh-CN", CancellationToken.None)).Clip.Id,
            (await audio.GetAsync("W1", changed, CapStatus.Actual, "zh-CN", CancellationToken.None)).Clip.Id,
            (await audio.GetAsync("W2", alert, CapStatus.Actual, "zh-CN", CancellationToken.None)).Clip.Id,
        };

        Assert.Equal(5, ids.Count);
        Assert.Equal(5, speech.Calls);
    }

    [Fact]
    public async Task AfterARestart_TheCacheFolderServesTheBulletin_WithoutSynthesis()
    {
        var before = await Audio(new FakeSynthesizer(), folder)
            .GetAsync("W1", SampleWarnings.ShortRedRainstorm, CapStatus.Actual, "zh-CN", CancellationToken.None);
        var restarted = new FakeSynthesizer();

        var after = await Audio(restarted, folder)
            .GetAsync("W1", SampleWarnings.ShortRedRainstorm, CapStatus.Actual, "zh-CN", CancellationToken.None);

        Assert.Equal(0, restarted.Calls);
        Assert.Equal(before.Clip.Id, after.Clip.Id);
        Assert.Equal(before.Clip.Duration.TotalSeconds, after.Clip.Duration.TotalSeconds, 3);
        foreach (var format in Enum.GetValues<AudioFormat>())
        {
            Assert.True(before.Clip.Encodings[format].Span.SequenceEqual(after.Clip.Encodings[format].Span), $"{format} differs");
        }
    }

    [Fact]
    public async Task FailedSpeech_GivesTonesOnly_IsNotKeptOnDisk_AndIsRetriedLater()
    {
        var speech = new FakeSynthesizer { FailWith = "engine crashed" };
        var audio = Audio(speech, folder);

        var degraded = await audio.GetAsync("W1", SampleWarnings.ShortRedRainstorm, CapStatus.Actual, "zh-CN", CancellationToken.None);
        speech.FailWith = null;
        var stillDegraded = await audio.GetAsync("W1", SampleWarnings.ShortRedRainstorm, CapStatus.Actual, "zh-CN", CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        var spoken = await audio.GetAsync("W1", SampleWarnings.ShortRedRainstorm, CapStatus.Actual, "zh-CN", CancellationToken.None);

        Assert.False(degraded.IsSpoken);
        Assert.Contains("engine crashed", degraded.SpeechProblem, StringComparison.Ordinal);
        Assert.Equal(7.2, degraded.Clip.Duration.TotalSeconds, 2);
        Assert.Same(degraded.Clip, stillDegraded.Clip);
        Assert.True(spoken.IsSpoken);
        Assert.Equal(2, speech.Calls);
        Assert.Equal(3, Directory.GetFiles(folder).Length);
    }

    [Fact]
    public async Task EspeakMissing_GivesATonesOnlyBulletin_KeepsTheText_AndLogsWhy()
    {
        var espeak = new EspeakSynthesizer(new AudioOptions { EspeakPath = "/nonexistent/espeak-ng" });
        var logger = new ListLogger<WarningAudio>();

        var bulletin = await Audio(espeak, logger: logger)
            .GetAsync("W1", SampleWarnings.ShortRedRainstorm, CapStatus.Actual, "zh-CN", CancellationToken.None);

        Assert.False(bulletin.IsSpoken);
        Assert.Contains("espeak-ng could not be run from '/nonexistent/espeak-ng'", bulletin.SpeechProblem, StringComparison.Ordinal);
        Assert.Equal(0.3 + 3 + 0.6 + 3 + 0.3, bulletin.Clip.Duration.TotalSeconds, 2);
        Assert.StartsWith("请注意，请注意！井研县气象台发布暴雨红色预警信号。", bulletin.Text, StringComparison.Ordinal);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("alert tones only", StringComparison.Ordinal)
            && e.Message.Contains("/nonexistent/espeak-ng", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoredWarning_IsSpokenWithItsStructuralStatus()
    {
        var exercise = SampleWarnings.Record("test-exercise.cap.xml", "W-EX");
        var audio = Audio(new FakeSynthesizer());

        var bulletin = await audio.GetAsync(exercise, "zh-CN", CancellationToken.None);

        Assert.StartsWith("这是演练，不是真实预警。 请注意，请注意！井研县水务局发布山洪橙色预警。", bulletin.Text, StringComparison.Ordinal);
        Assert.StartsWith("W-EX.zh-CN.", bulletin.Clip.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoredStatusSayingTest_WinsOverADocumentSayingActual()
    {
        var record = SampleWarnings.Record("red-rainstorm.cap.xml", "W-RED") with { CapStatus = CapStatus.Test };

        var bulletin = await Audio(new FakeSynthesizer()).GetAsync(record, "zh-CN", CancellationToken.None);

        Assert.Equal(CapStatus.Test, bulletin.Script.Status);
        Assert.StartsWith("这是测试，不是真实预警。", bulletin.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealEspeak_MakesASpokenBulletinLongerThanTheTones()
    {
        var espeak = new EspeakSynthesizer(new AudioOptions());
        var availability = await espeak.CheckAvailabilityAsync(CancellationToken.None);
        Assert.True(availability.IsAvailable, $"espeak-ng is needed by this test and is not usable here: {availability.Reason}. ./test.sh installs it.");

        var bulletin = await Audio(espeak).GetAsync("W1", SampleWarnings.ShortRedRainstorm, CapStatus.Actual, "zh-CN", CancellationToken.None);

        Assert.True(bulletin.IsSpoken, bulletin.SpeechProblem);
        Assert.InRange(bulletin.Clip.Duration.TotalSeconds, 7.2 + 1.5 + 4, 60);
    }
}
