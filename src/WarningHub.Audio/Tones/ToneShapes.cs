namespace WarningHub.Audio;

/// <summary>
/// The waveforms of the alert signals. Each keeps one running phase across frequency changes, so there are no
/// clicks where the pitch changes.
/// </summary>
internal static class ToneShapes
{
    private static readonly TimeSpan Fade = TimeSpan.FromMilliseconds(10);

    /// <summary>Sine whose frequency glides linearly from low to high and back, <paramref name="cycles"/> times.</summary>
    public static float[] Siren(int sampleRate, double lowHz, double highHz, TimeSpan cycle, int cycles)
    {
        var perCycle = (int)(cycle.TotalSeconds * sampleRate);
        var samples = new float[perCycle * cycles];
        var phase = 0.0;
        for (var i = 0; i < samples.Length; i++)
        {
            var position = (double)(i % perCycle) / perCycle;
            var rise = position < 0.5 ? position * 2 : (1 - position) * 2;
            var frequency = lowHz + ((highHz - lowHz) * rise);
            samples[i] = (float)Math.Sin(phase);
            phase = Advance(phase, frequency, sampleRate);
        }

        return samples;
    }

    /// <summary>Alternating high and low sine tones, high first, <paramref name="steps"/> tones in all.</summary>
    public static float[] TwoTone(int sampleRate, double highHz, double lowHz, TimeSpan each, int steps)
    {
        var perStep = (int)(each.TotalSeconds * sampleRate);
        var samples = new float[perStep * steps];
        var phase = 0.0;
        for (var i = 0; i < samples.Length; i++)
        {
            var frequency = (i / perStep) % 2 == 0 ? highHz : lowHz;
            samples[i] = (float)Math.Sin(phase);
            phase = Advance(phase, frequency, sampleRate);
        }

        return samples;
    }

    /// <summary>Bell-like notes, one after another: a sine with a soft octave, struck and dying away.</summary>
    public static float[] Chime(int sampleRate, IReadOnlyList<double> notesHz, TimeSpan each)
    {
        var perNote = (int)(each.TotalSeconds * sampleRate);
        var samples = new float[perNote * notesHz.Count];
        var decay = 1.0 / (0.25 * sampleRate);
        for (var note = 0; note < notesHz.Count; note++)
        {
            var step = 2 * Math.PI * notesHz[note] / sampleRate;
            for (var i = 0; i < perNote; i++)
            {
                var envelope = Math.Exp(-i * decay);
                var value = (Math.Sin(step * i) + (0.25 * Math.Sin(2 * step * i))) / 1.25;
                samples[(note * perNote) + i] = (float)(value * envelope);
            }
        }

        return samples;
    }

    /// <summary>Short linear fade-in and fade-out so the signal does not start or stop with a click.</summary>
    public static void FadeEnds(Span<float> samples, int sampleRate)
    {
        var length = Math.Min(samples.Length / 2, (int)(Fade.TotalSeconds * sampleRate));
        for (var i = 0; i < length; i++)
        {
            var gain = (float)i / length;
            samples[i] *= gain;
            samples[samples.Length - 1 - i] *= gain;
        }
    }

    private static double Advance(double phase, double frequency, int sampleRate)
    {
        phase += 2 * Math.PI * frequency / sampleRate;
        return phase >= 2 * Math.PI ? phase - (2 * Math.PI) : phase;
    }
}
