using System.Runtime.InteropServices;
using NAudio.Wave;

namespace WarningHub.Audio;

/// <summary>RIFF WAV files of 16-bit mono PCM, written by NAudio.</summary>
internal static class WavEncoding
{
    public static byte[] Pcm16Mono(ReadOnlySpan<short> pcm, int sampleRate)
    {
        var stream = new MemoryStream(44 + (pcm.Length * 2));
        using (var writer = new WaveFileWriter(stream, new WaveFormat(sampleRate, 16, 1)))
        {
            // WAV is little-endian, as every machine .NET runs this on.
            writer.Write(MemoryMarshal.AsBytes(pcm));
        }

        // The writer closes the stream when it finishes the header; a closed MemoryStream still gives its bytes.
        return stream.ToArray();
    }
}
