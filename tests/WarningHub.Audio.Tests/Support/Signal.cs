namespace WarningHub.Audio.Tests;

/// <summary>Measurements on sample buffers, independent of the code under test.</summary>
internal static class Signal
{
    /// <summary>Goertzel: the power of <paramref name="frequency"/> in the window (relative units).</summary>
    public static double Power(ReadOnlySpan<float> samples, int sampleRate, double frequency)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0, beforePrevious = 0;
        foreach (var sample in samples)
        {
            var current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        return (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
    }

    /// <summary>The candidate with the most power in the window.</summary>
    public static double Strongest(ReadOnlySpan<float> samples, int sampleRate, params double[] candidates)
    {
        var best = candidates[0];
        var bestPower = double.MinValue;
        foreach (var candidate in candidates)
        {
            var power = Power(samples, sampleRate, candidate);
            if (power > bestPower)
            {
                (best, bestPower) = (candidate, power);
            }
        }

        return best;
    }

    /// <summary>Frequency of a pure tone estimated from its sign changes: crossings / 2 / seconds.</summary>
    public static double ZeroCrossingFrequency(ReadOnlySpan<float> samples, int sampleRate)
    {
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                crossings++;
            }
        }

        return crossings / 2.0 / ((double)samples.Length / sampleRate);
    }

    public static double Rms(ReadOnlySpan<float> samples)
    {
        var sum = 0.0;
        foreach (var sample in samples)
        {
            sum += sample * sample;
        }

        return samples.Length == 0 ? 0 : Math.Sqrt(sum / samples.Length);
    }

    public static float[] Window(float[] samples, int sampleRate, double fromSeconds, double lengthSeconds) =>
        samples.AsSpan((int)(fromSeconds * sampleRate), (int)(lengthSeconds * sampleRate)).ToArray();

    public static float[] Sine(double frequency, int sampleRate, double seconds, float amplitude = 0.5f)
    {
        var samples = new float[(int)(seconds * sampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = amplitude * (float)Math.Sin(2 * Math.PI * frequency * i / sampleRate);
        }

        return samples;
    }

    public static float[] FromPcm16(ReadOnlySpan<short> pcm)
    {
        var samples = new float[pcm.Length];
        for (var i = 0; i < pcm.Length; i++)
        {
            samples[i] = pcm[i] / 32768f;
        }

        return samples;
    }
}
