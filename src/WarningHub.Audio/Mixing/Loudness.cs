namespace WarningHub.Audio;

/// <summary>Peak levels and peak normalisation.</summary>
internal static class Loudness
{
    /// <summary>Linear amplitude of a level in dBFS: -6.02 dBFS is 0.5.</summary>
    public static float FromDbfs(double dbfs) => (float)Math.Pow(10, dbfs / 20);

    /// <summary>Level in dBFS of a linear amplitude; negative infinity for silence.</summary>
    public static double ToDbfs(double amplitude) => 20 * Math.Log10(amplitude);

    /// <summary>The largest absolute sample.</summary>
    public static float Peak(ReadOnlySpan<float> samples)
    {
        var peak = 0f;
        foreach (var sample in samples)
        {
            peak = Math.Max(peak, Math.Abs(sample));
        }

        return peak;
    }

    /// <summary>Scales <paramref name="samples"/> so the peak is <paramref name="targetPeak"/>; silence stays silent.</summary>
    public static void NormalisePeak(Span<float> samples, float targetPeak)
    {
        var peak = Peak(samples);
        if (peak <= 1e-6f)
        {
            return;
        }

        Scale(samples, targetPeak / peak);
    }

    /// <summary>Multiplies every sample by <paramref name="gain"/>.</summary>
    public static void Scale(Span<float> samples, float gain)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] *= gain;
        }
    }

    /// <summary>
    /// 16-bit PCM of float samples, rounded and clamped to ±32767: symmetric, and -32768 is kept out because the
    /// G.711 encoders negate a sample to take its magnitude, which -32768 does not survive in 16 bits.
    /// </summary>
    public static short[] ToPcm16(ReadOnlySpan<float> samples)
    {
        var pcm = new short[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            pcm[i] = (short)Math.Clamp(MathF.Round(samples[i] * short.MaxValue), -short.MaxValue, short.MaxValue);
        }

        return pcm;
    }
}
