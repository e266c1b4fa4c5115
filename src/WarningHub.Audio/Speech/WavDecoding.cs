using System.Buffers.Binary;
using NAudio.Wave;

namespace WarningHub.Audio;

/// <summary>Reads the WAV files speech engines produce into mono float samples.</summary>
internal static class WavDecoding
{
    /// <summary>
    /// Decodes PCM (8/16/24/32-bit) or IEEE float WAV, mixing stereo down to mono. Throws
    /// <see cref="SpeechException"/> for anything else.
    /// </summary>
    public static SpeechAudio Decode(byte[] wav, string source)
    {
        ArgumentNullException.ThrowIfNull(wav);
        if (wav.Length < 44 || !wav.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !wav.AsSpan(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new SpeechException($"{source} did not produce a WAV file ({wav.Length} bytes, no RIFF/WAVE header).");
        }

        try
        {
            using var stream = new MemoryStream(FixStreamedSizes(wav), writable: false);
            using var reader = new WaveFileReader(stream);
            var samples = reader.ToSampleProvider();
            if (samples.WaveFormat.Channels == 2)
            {
                samples = samples.ToMono();
            }
            else if (samples.WaveFormat.Channels != 1)
            {
                throw new SpeechException($"{source} produced {samples.WaveFormat.Channels} channels; only mono or stereo is read.");
            }

            var all = new List<float>((int)(reader.Length / Math.Max(1, reader.WaveFormat.BlockAlign)));
            var buffer = new float[8192];
            int read;
            while ((read = samples.Read(buffer)) > 0)
            {
                all.AddRange(buffer.AsSpan(0, read));
            }

            return new SpeechAudio(all.ToArray(), samples.WaveFormat.SampleRate);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidDataException or EndOfStreamException)
        {
            throw new SpeechException($"{source} produced a WAV file that cannot be read: {e.Message}", e);
        }
    }

    /// <summary>
    /// A program writing WAV to a pipe cannot seek back to fill in the sizes, so espeak-ng <c>--stdout</c> writes
    /// 0x7FFFF000 as the data size. The sizes are set to what actually arrived.
    /// </summary>
    internal static byte[] FixStreamedSizes(byte[] wav)
    {
        var position = 12;
        while (position + 8 <= wav.Length)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(position + 4));
            var available = (uint)(wav.Length - position - 8);
            if (wav.AsSpan(position, 4).SequenceEqual("data"u8))
            {
                if (size <= available)
                {
                    return wav;
                }

                var fixedWav = (byte[])wav.Clone();
                BinaryPrimitives.WriteUInt32LittleEndian(fixedWav.AsSpan(4), (uint)(wav.Length - 8));
                BinaryPrimitives.WriteUInt32LittleEndian(fixedWav.AsSpan(position + 4), available & ~1u);
                return fixedWav;
            }

            if (size > available)
            {
                break;
            }

            position += 8 + (int)size + (int)(size & 1);
        }

        return wav;
    }
}
