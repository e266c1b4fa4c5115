using NAudio.Wave;

namespace WarningHub.Audio;

/// <summary>Mono samples held in memory, offered to NAudio's sample pipeline.</summary>
internal sealed class FloatSamples(ReadOnlyMemory<float> samples, int sampleRate) : ISampleProvider
{
    private int position;

    public WaveFormat WaveFormat { get; } = WaveFormat.CreateIeeeFloatWaveFormat(sampleRate, 1);

    public int Read(Span<float> buffer)
    {
        var count = Math.Min(buffer.Length, samples.Length - position);
        samples.Span.Slice(position, count).CopyTo(buffer);
        position += count;
        return count;
    }
}
