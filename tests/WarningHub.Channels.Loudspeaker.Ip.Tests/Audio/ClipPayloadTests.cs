using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Ip.Audio;
using WarningHub.Channels.Loudspeaker.Ip.Tests.Support;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Audio;

public class ClipPayloadTests
{
    [Fact]
    public void ForRtp_WhenTheClipHasTheLaw_UsesItsBytesUnchanged()
    {
        var clip = Clips.MuLaw(10);

        var payload = ClipPayload.ForRtp(clip, 0, out _);

        Assert.True(clip.TryGet(AudioFormat.MuLaw8k, out var original));
        Assert.Equal(original.ToArray(), payload!.Value.ToArray());
    }

    [Fact]
    public void ForRtp_FromMuLawToALaw_TranscodesEachSampleToTheNearestALawCode()
    {
        var clip = Clips.MuLaw(5);
        clip.TryGet(AudioFormat.MuLaw8k, out var mu);

        var alaw = ClipPayload.ForRtp(clip, 8, out _)!.Value.ToArray();

        Assert.Equal(mu.Length, alaw.Length);
        Assert.Equal(mu.ToArray().Select(c => G711.EncodeALaw(G711.DecodeMuLaw(c))), alaw);
    }

    [Fact]
    public void ForRtp_FromAWav16k_HalvesTheRateAndKeepsTheToneWithinG711Error()
    {
        var clip = Clips.Wav16k(TimeSpan.FromMilliseconds(500));

        var mu = ClipPayload.ForRtp(clip, 0, out _)!.Value.ToArray();

        Assert.Equal(4000, mu.Length);
        var expected = Clips.Tone(4000);
        var decoded = mu.Select(G711.DecodeMuLaw).ToArray();

        // Away from the filter's edges, the low-passed 8 kHz copy of a < 1 kHz tone matches the tone made at 8 kHz.
        for (var i = 40; i < 3960; i++)
        {
            Assert.InRange(decoded[i] - expected[i], -700, 700);
        }
    }

    [Fact]
    public void ForUpload_WithoutAWav_WrapsTheDecodedG711In8kHzWav()
    {
        var clip = Clips.MuLaw(3);
        clip.TryGet(AudioFormat.MuLaw8k, out var mu);

        var wav = ClipPayload.ForUpload(clip, out _)!.Value.ToArray();

        var samples = WavFile.Read(wav, out var rate, out _);
        Assert.Equal(8000, rate);
        Assert.Equal(mu.ToArray().Select(G711.DecodeMuLaw), samples!);
    }

    [Fact]
    public void ForRtpAndForUpload_OfAClipWithNoAudio_RefuseWithAReason()
    {
        var empty = new AudioClip("none", TimeSpan.Zero, new Dictionary<AudioFormat, ReadOnlyMemory<byte>>());

        Assert.Null(ClipPayload.ForRtp(empty, 0, out var rtpProblem));
        Assert.Null(ClipPayload.ForUpload(empty, out var uploadProblem));
        Assert.Contains("no audio", rtpProblem, StringComparison.Ordinal);
        Assert.Contains("no audio", uploadProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void WavFile_ReadOfAStereoFile_RefusesAndSaysWhy()
    {
        var wav = WavFile.Write(new short[10], 8000);
        wav[22] = 2;

        Assert.Null(WavFile.Read(wav, out _, out var problem));
        Assert.Contains("2 channel", problem, StringComparison.Ordinal);
    }
}
