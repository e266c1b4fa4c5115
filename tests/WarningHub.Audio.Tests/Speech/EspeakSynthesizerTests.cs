namespace WarningHub.Audio.Tests.Speech;

/// <summary>The real espeak-ng program, which ./test.sh installs (Debian package espeak-ng).</summary>
public sealed class EspeakSynthesizerTests
{
    private const string Sentence = "请注意，请注意！井研县气象台发布暴雨红色预警信号。";

    [Fact]
    public async Task ChineseSentence_IsSpokenAsNonSilentSpeechOfPlausibleLength()
    {
        var espeak = new EspeakSynthesizer(new AudioOptions());
        var availability = await espeak.CheckAvailabilityAsync(CancellationToken.None);
        Assert.True(availability.IsAvailable, $"espeak-ng is needed by this test and is not usable here: {availability.Reason}. ./test.sh installs it.");

        var speech = await espeak.SynthesizeAsync(new SpeechRequest(Sentence, "zh-CN"), CancellationToken.None);

        // 25 characters, about 4 syllables a second at 150 wpm with pauses: a few seconds, not a blip, not a minute.
        Assert.InRange(speech.Duration.TotalSeconds, 3, 15);
        Assert.True(Signal.Rms(speech.Samples.Span) > 0.02, $"speech is near silent (RMS {Signal.Rms(speech.Samples.Span):0.0000})");
        var loudWindows = 0;
        for (var at = 0; at + speech.SampleRate / 10 <= speech.Samples.Length; at += speech.SampleRate / 10)
        {
            loudWindows += Signal.Rms(speech.Samples.Span.Slice(at, speech.SampleRate / 10)) > 0.02 ? 1 : 0;
        }

        Assert.True(loudWindows >= 15, $"only {loudWindows} tenths of a second carry sound");
    }

    [Fact]
    public async Task FasterRate_GivesShorterSpeech()
    {
        var slow = await new EspeakSynthesizer(new AudioOptions { Rate = 100 }).SynthesizeAsync(new SpeechRequest(Sentence, "zh-CN"), CancellationToken.None);
        var fast = await new EspeakSynthesizer(new AudioOptions { Rate = 300 }).SynthesizeAsync(new SpeechRequest(Sentence, "zh-CN"), CancellationToken.None);

        Assert.True(fast.Duration < slow.Duration * 0.7, $"rate 300 gave {fast.Duration}, rate 100 gave {slow.Duration}");
    }

    [Fact]
    public async Task EnglishText_UsesTheEnglishVoice()
    {
        var speech = await new EspeakSynthesizer(new AudioOptions()).SynthesizeAsync(
            new SpeechRequest("Attention please. This is a test, not a real warning.", "en-US"), CancellationToken.None);

        Assert.InRange(speech.Duration.TotalSeconds, 1.5, 10);
    }

    [Fact]
    public async Task MissingProgram_IsUnavailable_WithAReasonNamingThePathAndTheFix()
    {
        var espeak = new EspeakSynthesizer(new AudioOptions { EspeakPath = "/nonexistent/espeak-ng" });

        var availability = await espeak.CheckAvailabilityAsync(CancellationToken.None);

        Assert.False(availability.IsAvailable);
        Assert.Contains("/nonexistent/espeak-ng", availability.Reason, StringComparison.Ordinal);
        Assert.Contains("install", availability.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingVoice_IsUnavailable_WithTheVoiceNamed()
    {
        var espeak = new EspeakSynthesizer(new AudioOptions { Voice = "no-such-voice" });

        var availability = await espeak.CheckAvailabilityAsync(CancellationToken.None);

        Assert.False(availability.IsAvailable);
        Assert.Contains("'no-such-voice'", availability.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingRun_IsASpeechException_NotAHang()
    {
        var espeak = new EspeakSynthesizer(new AudioOptions { Voice = "no-such-voice" });

        var failure = await Assert.ThrowsAsync<SpeechException>(() =>
            espeak.SynthesizeAsync(new SpeechRequest("测试", "zh-CN"), CancellationToken.None));

        Assert.Contains("no-such-voice", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VoiceListing_GivesLanguageVoiceAndFileNames()
    {
        const string Listing = """
            Pty Language       Age/Gender VoiceName          File                 Other Languages
             5  cmn-latn-pinyin --/M      Chinese_(Mandarin,_latin_as_Pinyin) sit/cmn-Latn-pinyin  (zh-cmn 5)(zh 5)
             2  en-us           --/M      English_(America)  gmw/en-US            (en 3)
            """;

        var names = EspeakVoices.Parse(Listing);

        Assert.Contains("cmn-latn-pinyin", names);
        Assert.Contains("CMN-LATN-PINYIN", names);
        Assert.Contains("en-US", names);
        Assert.Contains("gmw/en-US", names);
        Assert.DoesNotContain("Language", names);
        Assert.DoesNotContain("cmn", names);
    }
}
