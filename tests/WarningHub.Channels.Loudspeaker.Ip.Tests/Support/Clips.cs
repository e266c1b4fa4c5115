using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Ip.Audio;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Support;

/// <summary>Synthetic bulletins: a sweep of tones, so every sample differs from its neighbours.</summary>
internal static class Clips
{
    public static short[] Tone(int samples, int sampleRate = 8000)
    {
        var pcm = new short[samples];
        for (var i = 0; i < samples; i++)
        {
            var t = (double)i / sampleRate;
            pcm[i] = (short)(12000 * Math.Sin(2 * Math.PI * (300 + (200 * t)) * t));
        }

        return pcm;
    }

    /// <summary>A μ-law clip of <paramref name="packets"/> × 20 ms, less <paramref name="shortBy"/> samples at the end.</summary>
    public static AudioClip MuLaw(int packets, int shortBy = 0, string id = "clip-1")
    {
        var codes = G711.Encode(Tone((packets * 160) - shortBy), RtpPayloadTypes.Pcmu);
        return new AudioClip(id, TimeSpan.FromMilliseconds(packets * 20), new Dictionary<AudioFormat, ReadOnlyMemory<byte>> { [AudioFormat.MuLaw8k] = codes });
    }

    public static AudioClip Wav16k(TimeSpan duration, string id = "clip-wav")
    {
        var wav = WavFile.Write(Tone((int)(duration.TotalSeconds * 16000), 16000), 16000);
        return new AudioClip(id, duration, new Dictionary<AudioFormat, ReadOnlyMemory<byte>> { [AudioFormat.WavPcm16k] = wav });
    }

    public static AudioMessage To(string address, AudioClip clip, long reference = 1) => new(reference, address, clip, "暴雨红色预警");
}
