using NAudio.Codecs;
using WarningHub.Abstractions;
using WarningHub.Core.Cap;

namespace WarningHub.Audio.Tests.Mixing;

public sealed class BulletinEncoderTests
{
    private static readonly SpeechAudio TwoSecondsAt22k = new(Signal.Sine(440, 22050, 2.0, amplitude: 0.1f), 22050);

    [Fact]
    public void Wav_HasRiffHeader_Pcm16Bit_16kHz_Mono()
    {
        var clip = new BulletinEncoder(new AudioOptions()).Encode("c", WarningLevel.Red, TwoSecondsAt22k, 2);
        var wav = WavFile.Parse(clip.Encodings[AudioFormat.WavPcm16k].Span);

        Assert.Equal(("RIFF", "WAVE", "fmt ", "data"), (wav.Riff, wav.Wave, wav.Fmt, wav.Data));
        Assert.Equal(1, wav.FormatTag);
        Assert.Equal(1, wav.Channels);
        Assert.Equal(16_000u, wav.SampleRate);
        Assert.Equal(16, wav.BitsPerSample);
        Assert.Equal(32_000u, wav.ByteRate);
        Assert.Equal(2, wav.BlockAlign);
        Assert.Equal((uint)clip.Encodings[AudioFormat.WavPcm16k].Length - 44, wav.DataSize);
        Assert.Equal(wav.DataSize + 36, wav.RiffSize);
        Assert.Equal(clip.Duration.TotalSeconds, wav.Samples.Length / 16_000.0, 3);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-6.0)]
    [InlineData(-12.0)]
    public void Bulletin_IsNormalisedToTheTargetPeak(double targetDbfs)
    {
        var options = new AudioOptions { TargetPeakDbfs = targetDbfs };
        var clip = new BulletinEncoder(options).Encode("c", WarningLevel.Orange, TwoSecondsAt22k, 2);
        var samples = WavFile.Parse(clip.Encodings[AudioFormat.WavPcm16k].Span).Samples;

        var peakDbfs = Loudness.ToDbfs(samples.Max(s => Math.Abs((int)s)) / 32767.0);

        Assert.InRange(peakDbfs, targetDbfs - 0.05, targetDbfs + 0.05);
    }

    [Fact]
    public void LoudSpeech_IsNotClipped_AndSitsAboveTheTones()
    {
        var clipping = Signal.Sine(440, 22050, 1.0, amplitude: 1.8f);
        var options = new AudioOptions { TargetPeakDbfs = -1, ToneLevelDb = -4 };

        var clip = new BulletinEncoder(options).Encode("c", WarningLevel.Red, new SpeechAudio(clipping, 22050), 1);
        var samples = Signal.FromPcm16(WavFile.Parse(clip.Encodings[AudioFormat.WavPcm16k].Span).Samples);

        Assert.DoesNotContain(samples, s => Math.Abs(s) >= 0.999f);
        var tonePeak = Loudness.Peak(Signal.Window(samples, 16_000, 0.3, 3.0));
        Assert.InRange(Loudness.ToDbfs(tonePeak), -5.1, -4.9);
    }

    [Fact]
    public void Layout_IsToneSpeechPauseSpeechTone_WithResampledSpeech()
    {
        var options = new AudioOptions { RepeatPause = TimeSpan.FromSeconds(1.5) };
        var clip = new BulletinEncoder(options).Encode("c", WarningLevel.Red, TwoSecondsAt22k, 2);
        var samples = Signal.FromPcm16(WavFile.Parse(clip.Encodings[AudioFormat.WavPcm16k].Span).Samples);

        // 0.3 edge, 3 tone, 0.6 gap, 2 speech, 1.5 pause, 2 speech, 0.6 gap, 3 tone, 0.3 edge
        Assert.Equal(13.3, clip.Duration.TotalSeconds, 2);
        Assert.InRange(Signal.ZeroCrossingFrequency(Signal.Window(samples, 16_000, 4.2, 1.5), 16_000), 435, 445);
        Assert.True(Signal.Rms(Signal.Window(samples, 16_000, 6.1, 1.2)) < 0.001, "the pause is silent");
        Assert.InRange(Signal.ZeroCrossingFrequency(Signal.Window(samples, 16_000, 7.7, 1.5), 16_000), 435, 445);
        Assert.InRange(Signal.ZeroCrossingFrequency(Signal.Window(samples, 16_000, 10.02, 0.04), 16_000), 570, 650);
    }

    [Fact]
    public void WithoutSpeech_TheBulletinIsTheToneTwice()
    {
        var clip = new BulletinEncoder(new AudioOptions()).Encode("c", WarningLevel.Yellow, null, 2);

        Assert.Equal(0.3 + 3 + 0.6 + 3 + 0.3, clip.Duration.TotalSeconds, 2);
    }

    [Fact]
    public void NotActual_OpensWithTestPips_ActualDoesNot()
    {
        var encoder = new BulletinEncoder(new AudioOptions());
        var test = Signal.FromPcm16(WavFile.Parse(encoder.Encode("t", WarningLevel.Red, null, 2, notActual: true).Encodings[AudioFormat.WavPcm16k].Span).Samples);
        var real = Signal.FromPcm16(WavFile.Parse(encoder.Encode("r", WarningLevel.Red, null, 2).Encodings[AudioFormat.WavPcm16k].Span).Samples);

        Assert.Equal(1000, Signal.Strongest(Signal.Window(test, 16_000, 0.32, 0.1), 16_000, 1000, 600, 650, 700));
        Assert.Equal(600, Signal.Strongest(Signal.Window(real, 16_000, 0.32, 0.05), 16_000, 1000, 600));
    }

    [Fact]
    public void G711Streams_Are8kHz_OneBytePerSample_AndDecodeToTheSameSound()
    {
        var clip = new BulletinEncoder(new AudioOptions()).Encode("c", WarningLevel.Red, TwoSecondsAt22k, 2);
        var muLaw = clip.Encodings[AudioFormat.MuLaw8k];
        var aLaw = clip.Encodings[AudioFormat.ALaw8k];

        Assert.Equal(clip.Duration.TotalSeconds * 8000, muLaw.Length, 0);
        Assert.Equal(muLaw.Length, aLaw.Length);
        var fromMuLaw = muLaw.ToArray().Select(b => MuLawDecoder.MuLawToLinearSample(b) / 32768f).ToArray();
        var fromALaw = aLaw.ToArray().Select(b => ALawDecoder.ALawToLinearSample(b) / 32768f).ToArray();
        Assert.InRange(Signal.ZeroCrossingFrequency(Signal.Window(fromMuLaw, 8000, 4.2, 1.5), 8000), 435, 445);
        Assert.InRange(Signal.ZeroCrossingFrequency(Signal.Window(fromALaw, 8000, 4.2, 1.5), 8000), 435, 445);
        Assert.InRange(Signal.ZeroCrossingFrequency(Signal.Window(fromMuLaw, 8000, 0.32, 0.04), 8000), 570, 650);
    }
}
