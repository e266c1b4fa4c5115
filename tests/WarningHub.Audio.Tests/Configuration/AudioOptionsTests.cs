using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WarningHub.Audio.Tests.Configuration;

public sealed class AudioOptionsTests
{
    [Fact]
    public void Defaults_AreValid() =>
        Assert.True(new AudioOptionsValidator().Validate(null, new AudioOptions()).Succeeded);

    [Fact]
    public void Validator_ListsEveryFailure_NamingEachProperty()
    {
        var options = new AudioOptions
        {
            SpeechEngine = "festival",
            Rate = 20,
            Repeats = 0,
            TargetPeakDbfs = 3,
            ToneLevelDb = -40,
            SpeechTimeout = TimeSpan.Zero,
            RepeatPause = TimeSpan.FromSeconds(-1),
            DegradedRetryAfter = TimeSpan.FromSeconds(-1),
            MaxCachedBulletins = 0,
            TemplateFolder = "/nonexistent/templates",
        };

        var result = new AudioOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        foreach (var property in new[]
        {
            nameof(AudioOptions.SpeechEngine), nameof(AudioOptions.Rate), nameof(AudioOptions.Repeats),
            nameof(AudioOptions.TargetPeakDbfs), nameof(AudioOptions.ToneLevelDb), nameof(AudioOptions.SpeechTimeout),
            nameof(AudioOptions.RepeatPause), nameof(AudioOptions.DegradedRetryAfter), nameof(AudioOptions.MaxCachedBulletins),
            nameof(AudioOptions.TemplateFolder),
        })
        {
            Assert.Contains(result.Failures!, f => f.StartsWith($"Audio: {property} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void HttpEngine_NeedsAnHttpUrl_EspeakNeedsAVoice()
    {
        var http = new AudioOptionsValidator().Validate(null, new AudioOptions { SpeechEngine = SpeechEngines.Http, HttpTtsUrl = "ftp://tts" });
        var espeak = new AudioOptionsValidator().Validate(null, new AudioOptions { Voice = " " });

        Assert.Contains(http.Failures!, f => f.Contains(nameof(AudioOptions.HttpTtsUrl), StringComparison.Ordinal));
        Assert.Contains(espeak.Failures!, f => f.Contains(nameof(AudioOptions.Voice), StringComparison.Ordinal));
    }

    [Fact]
    public void Section_IsBoundToEveryOption()
    {
        var provider = Provider(new()
        {
            ["SpeechEngine"] = "none", ["Voice"] = "cmn", ["Rate"] = "120", ["Repeats"] = "3",
            ["RepeatPause"] = "00:00:02", ["TargetPeakDbfs"] = "-3", ["CacheFolder"] = "bulletins",
        });

        var options = provider.GetRequiredService<IOptions<AudioOptions>>().Value;

        Assert.Equal(("none", "cmn", 120, 3), (options.SpeechEngine, options.Voice, options.Rate, options.Repeats));
        Assert.Equal((TimeSpan.FromSeconds(2), -3.0, "bulletins"), (options.RepeatPause, options.TargetPeakDbfs, options.CacheFolder));
        Assert.IsType<NoSpeechSynthesizer>(provider.GetRequiredService<ISpeechSynthesizer>());
        Assert.IsType<WarningAudio>(provider.GetRequiredService<IWarningAudio>());
    }

    [Fact]
    public void MisspeltKey_IsAnError_NotSilentlyDropped()
    {
        var provider = Provider(new() { ["Voise"] = "cmn-latn-pinyin" });

        var failure = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<AudioOptions>>().Value);

        Assert.Contains("Voise", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidOptions_StopStartUp()
    {
        var provider = Provider(new() { ["Repeats"] = "0", ["SpeechEngine"] = "http" });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(failure.Failures, f => f.Contains(nameof(AudioOptions.Repeats), StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains(nameof(AudioOptions.HttpTtsUrl), StringComparison.Ordinal));
    }

    [Fact]
    public void HttpEngine_IsTheHttpSynthesizer()
    {
        var provider = Provider(new() { ["SpeechEngine"] = "http", ["HttpTtsUrl"] = "http://127.0.0.1:9/tts" });

        Assert.IsType<HttpSpeechSynthesizer>(provider.GetRequiredService<ISpeechSynthesizer>());
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(s => "Audio:" + s.Key, s => s.Value))
            .Build();
        return new ServiceCollection().AddWarningAudio(configuration.GetSection("Audio")).BuildServiceProvider();
    }
}
