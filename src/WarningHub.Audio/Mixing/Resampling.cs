using NAudio.Wave.SampleProviders;

namespace WarningHub.Audio;

/// <summary>Sample-rate conversion with NAudio's fully managed WDL resampler (works on Linux, unlike ACM or Media Foundation).</summary>
internal static class Resampling
{
    /// <summary>
    /// <paramref name="samples"/> (mono, <paramref name="fromRate"/>) at <paramref name="toRate"/>; the result has
    /// the same duration, give or take a sample.
    /// </summary>
    public static float[] Resample(ReadOnlyMemory<float> samples, int fromRate, int toRate)
    {
        if (fromRate == toRate)
        {
            return samples.ToArray();
        }

        var expected = (int)Math.Round((double)samples.Length * toRate / fromRate);
        var resampler = new WdlResamplingSampleProvider(new FloatSamples(samples, fromRate), toRate);
        var output = new float[expected];
        var filled = 0;
        var chunk = new float[4096];
        int read;
        while (filled < expected && (read = resampler.Read(chunk)) > 0)
        {
            var take = Math.Min(read, expected - filled);
            chunk.AsSpan(0, take).CopyTo(output.AsSpan(filled));
            filled += take;
        }

        // The filter's delay can leave the very end short by a few samples; the tail stays silent.
        return output;
    }
}
