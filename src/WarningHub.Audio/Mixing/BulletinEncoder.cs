using WarningHub.Abstractions;
using WarningHub.Core.Cap;

namespace WarningHub.Audio;

/// <summary>
/// Assembles a bulletin — tone, the speech <c>Repeats</c> times with pauses, tone — at 16 kHz mono, normalises its
/// peak, and encodes it as WAV (PCM 16-bit, 16 kHz) and raw G.711 μ-law and A-law (8 kHz). Without speech the
/// bulletin is the tone twice. A Test or Exercise bulletin opens with three short pips before the tone, so even
/// without speech it cannot sound like a real warning. Stateless and thread-safe.
/// </summary>
public sealed class BulletinEncoder
{
    /// <summary>Rate of the mix and of the WAV encoding.</summary>
    public const int SampleRate = 16_000;

    /// <summary>Rate of the G.711 encodings.</summary>
    public const int G711SampleRate = 8_000;

    private static readonly TimeSpan Edge = TimeSpan.FromSeconds(0.3);
    private static readonly TimeSpan ToneGap = TimeSpan.FromSeconds(0.6);
    private readonly float targetPeak;
    private readonly float toneGain;
    private readonly int pauseSamples;

    /// <summary>
    /// Uses <see cref="AudioOptions.TargetPeakDbfs"/>, <see cref="AudioOptions.ToneLevelDb"/> and
    /// <see cref="AudioOptions.RepeatPause"/>.
    /// </summary>
    public BulletinEncoder(AudioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        targetPeak = Loudness.FromDbfs(options.TargetPeakDbfs);
        toneGain = Loudness.FromDbfs(options.ToneLevelDb);
        pauseSamples = Samples(options.RepeatPause);
    }

    /// <summary>The finished clip: every <see cref="AudioFormat"/>, and its duration.</summary>
    /// <param name="clipId">The clip's identifier.</param>
    /// <param name="level">Chooses the alert tone.</param>
    /// <param name="speech">The script spoken once, or null for a tones-only bulletin.</param>
    /// <param name="repeats">How many times the speech is played.</param>
    /// <param name="notActual">True for Test, Exercise, System and Draft: the pips go first.</param>
    public AudioClip Encode(string clipId, WarningLevel level, SpeechAudio? speech, int repeats, bool notActual = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(clipId);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        var mix = Mix(level, speech, repeats, notActual);
        Loudness.NormalisePeak(mix, targetPeak);

        var pcm16k = Loudness.ToPcm16(mix);
        var pcm8k = Loudness.ToPcm16(Resampling.Resample(mix, SampleRate, G711SampleRate));
        var encodings = new Dictionary<AudioFormat, ReadOnlyMemory<byte>>
        {
            [AudioFormat.WavPcm16k] = WavEncoding.Pcm16Mono(pcm16k, SampleRate),
            [AudioFormat.MuLaw8k] = G711.MuLaw(pcm8k),
            [AudioFormat.ALaw8k] = G711.ALaw(pcm8k),
        };
        return new AudioClip(clipId, TimeSpan.FromSeconds((double)mix.Length / SampleRate), encodings);
    }

    private float[] Mix(WarningLevel level, SpeechAudio? speech, int repeats, bool notActual)
    {
        var tone = AlertTones.Render(level, SampleRate);
        Loudness.Scale(tone, toneGain);
        var pips = notActual ? AlertTones.TestPips(SampleRate) : [];
        Loudness.Scale(pips, toneGain);
        float[] voice = [];
        if (speech is not null)
        {
            voice = Resampling.Resample(speech.Samples, speech.SampleRate, SampleRate);
            Loudness.NormalisePeak(voice, 1f);
        }

        var spoken = voice.Length == 0 ? 0 : (voice.Length * repeats) + (pauseSamples * (repeats - 1));
        var middle = voice.Length == 0 ? Samples(ToneGap) : (2 * Samples(ToneGap)) + spoken;
        var mix = new float[(2 * Samples(Edge)) + pips.Length + (2 * tone.Length) + middle];

        var at = Samples(Edge);
        pips.CopyTo(mix, at);
        at += pips.Length;
        tone.CopyTo(mix, at);
        at += tone.Length + Samples(ToneGap);
        for (var repeat = 0; voice.Length > 0 && repeat < repeats; repeat++)
        {
            voice.CopyTo(mix, at);
            at += voice.Length + (repeat < repeats - 1 ? pauseSamples : Samples(ToneGap));
        }

        tone.CopyTo(mix, at);
        return mix;
    }

    private static int Samples(TimeSpan duration) => (int)(duration.TotalSeconds * SampleRate);
}
