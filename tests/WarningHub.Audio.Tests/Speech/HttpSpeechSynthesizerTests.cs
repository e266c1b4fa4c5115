using System.Text;

namespace WarningHub.Audio.Tests.Speech;

public sealed class HttpSpeechSynthesizerTests : IAsyncLifetime
{
    private StandInSpeechService service = null!;

    public async Task InitializeAsync() => service = await StandInSpeechService.StartAsync();

    public async Task DisposeAsync() => await service.DisposeAsync();

    private HttpSpeechSynthesizer Synthesizer(string? authorization = null) => new(new AudioOptions
    {
        SpeechEngine = SpeechEngines.Http,
        HttpTtsUrl = service.Url.ToString(),
        HttpTtsAuthorization = authorization,
        Rate = 170,
    });

    [Fact]
    public async Task Service_GetsTheTextLanguageAndRate_AndItsWavIsReadAsMonoSpeech()
    {
        using var tts = Synthesizer("Bearer county-key");

        var speech = await tts.SynthesizeAsync(new SpeechRequest("请注意，这是演练。", "zh-CN"), CancellationToken.None);

        var (body, authorization, accept) = Assert.Single(service.Requests);
        Assert.Equal("请注意，这是演练。", body.GetProperty("text").GetString());
        Assert.Equal("zh-CN", body.GetProperty("language").GetString());
        Assert.Equal(170, body.GetProperty("rate").GetInt32());
        Assert.Equal("Bearer county-key", authorization);
        Assert.Equal("audio/wav", accept);
        Assert.Equal(24000, speech.SampleRate);
        Assert.Equal(24000, speech.Samples.Length);
        Assert.InRange(Signal.ZeroCrossingFrequency(speech.Samples.Span, 24000), 295, 305);
    }

    [Fact]
    public async Task ServerError_IsASpeechExceptionWithTheStatus()
    {
        service.Answer = () => (503, "text/plain", Encoding.UTF8.GetBytes("overloaded"));
        using var tts = Synthesizer();

        var failure = await Assert.ThrowsAsync<SpeechException>(() => tts.SynthesizeAsync(new SpeechRequest("测试", "zh-CN"), CancellationToken.None));

        Assert.StartsWith("the text-to-speech service answered 503", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerThatIsNotWav_IsASpeechException()
    {
        service.Answer = () => (200, "text/html", Encoding.UTF8.GetBytes("<html>login</html>"));
        using var tts = Synthesizer();

        var failure = await Assert.ThrowsAsync<SpeechException>(() => tts.SynthesizeAsync(new SpeechRequest("测试", "zh-CN"), CancellationToken.None));

        Assert.Contains("did not produce a WAV file", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NobodyListening_IsASpeechException()
    {
        var url = service.Url;
        await service.DisposeAsync();
        using var tts = new HttpSpeechSynthesizer(new AudioOptions { HttpTtsUrl = url.ToString(), SpeechTimeout = TimeSpan.FromSeconds(5) });

        await Assert.ThrowsAsync<SpeechException>(() => tts.SynthesizeAsync(new SpeechRequest("测试", "zh-CN"), CancellationToken.None));
        service = await StandInSpeechService.StartAsync();
    }
}
