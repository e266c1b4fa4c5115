using System.Buffers.Binary;

namespace WarningHub.Audio.Tests.Speech;

public sealed class WavDecodingTests
{
    [Fact]
    public void StreamedWav_WithPlaceholderSizes_IsReadToItsRealEnd()
    {
        // What espeak-ng --stdout writes: it cannot seek back on a pipe, so both sizes say 0x7FFFF000.
        var wav = WavFile.Build(Signal.Sine(300, 22050, 0.5), 22050);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(4), 0x7FFFF024);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(40), 0x7FFFF000);

        var speech = WavDecoding.Decode(wav, "test");

        Assert.Equal(22050, speech.SampleRate);
        Assert.Equal(11025, speech.Samples.Length);
    }

    [Fact]
    public void StereoWav_IsMixedToMono()
    {
        var interleaved = Signal.Sine(300, 16000, 0.2).SelectMany(s => new[] { s, s }).ToArray();

        var speech = WavDecoding.Decode(WavFile.Build(interleaved, 16000, channels: 2), "test");

        Assert.Equal(3200, speech.Samples.Length);
        Assert.InRange(Signal.ZeroCrossingFrequency(speech.Samples.Span, 16000), 290, 310);
    }

    [Fact]
    public void SomethingElse_IsASpeechExceptionSayingWhoSentIt()
    {
        var failure = Assert.Throws<SpeechException>(() => WavDecoding.Decode("<html>busy</html>"u8.ToArray(), "the service"));

        Assert.StartsWith("the service did not produce a WAV file", failure.Message, StringComparison.Ordinal);
    }
}
