namespace WarningHub.Channels.Loudspeaker.Ip.Audio;

/// <summary>
/// Halves the sample rate (16 kHz → 8 kHz) for G.711: a 31-tap windowed-sinc low-pass at 3.6 kHz (Hamming window)
/// keeps what telephone-band terminals can play and stops aliasing, then every other sample is kept.
/// </summary>
internal static class Decimator
{
    private const int Taps = 31;
    private static readonly double[] Coefficients = BuildLowPass(3600.0 / 16000.0);

    public static short[] HalveRate(ReadOnlySpan<short> input)
    {
        var output = new short[input.Length / 2];
        const int half = Taps / 2;
        for (var o = 0; o < output.Length; o++)
        {
            var centre = o * 2;
            var sum = 0.0;
            for (var k = 0; k < Taps; k++)
            {
                var i = centre + k - half;
                if ((uint)i < (uint)input.Length)
                {
                    sum += input[i] * Coefficients[k];
                }
            }

            output[o] = (short)Math.Clamp(Math.Round(sum), short.MinValue, short.MaxValue);
        }

        return output;
    }

    private static double[] BuildLowPass(double cutoff)
    {
        var h = new double[Taps];
        var total = 0.0;
        for (var k = 0; k < Taps; k++)
        {
            var n = k - (Taps / 2);
            var sinc = n == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * n) / (Math.PI * n);
            var window = 0.54 - (0.46 * Math.Cos(2 * Math.PI * k / (Taps - 1)));
            h[k] = sinc * window;
            total += h[k];
        }

        // Unity gain at DC.
        for (var k = 0; k < Taps; k++)
        {
            h[k] /= total;
        }

        return h;
    }
}
