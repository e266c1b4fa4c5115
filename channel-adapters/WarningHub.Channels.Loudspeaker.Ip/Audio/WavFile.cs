using System.Buffers.Binary;

namespace WarningHub.Channels.Loudspeaker.Ip.Audio;

/// <summary>RIFF WAV, PCM 16-bit mono only: what clips are made of and what HTTP terminals take.</summary>
internal static class WavFile
{
    private const int HeaderLength = 44;

    /// <summary>Reads a PCM 16-bit mono WAV; null (with the reason) for anything else.</summary>
    public static short[]? Read(ReadOnlySpan<byte> wav, out int sampleRate, out string problem)
    {
        sampleRate = 0;
        problem = "The clip is not a RIFF/WAVE file.";
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            return null;
        }

        var format = false;
        for (var at = 12; at + 8 <= wav.Length;)
        {
            var id = wav.Slice(at, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(wav.Slice(at + 4, 4));
            var body = wav[(at + 8)..];
            if (size < 0 || size > body.Length)
            {
                size = body.Length;
            }

            if (id.SequenceEqual("fmt "u8) && size >= 16)
            {
                var tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
                var channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                var bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
                format = tag == 1 && channels == 1 && bits == 16 && sampleRate is 8000 or 16000;
                problem = format ? problem : $"The WAV is not PCM 16-bit mono at 8 or 16 kHz (tag {tag}, {channels} channel(s), {bits} bits, {sampleRate} Hz).";
            }
            else if (id.SequenceEqual("data"u8) && format)
            {
                var samples = new short[size / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(body[(i * 2)..]);
                }

                problem = string.Empty;
                return samples;
            }

            at += 8 + size + (size & 1);
        }

        return null;
    }

    /// <summary>Writes PCM 16-bit mono samples as a WAV file.</summary>
    public static byte[] Write(ReadOnlySpan<short> samples, int sampleRate)
    {
        var wav = new byte[HeaderLength + (samples.Length * 2)];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], wav.Length - 8);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], samples.Length * 2);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span[(HeaderLength + (i * 2))..], samples[i]);
        }

        return wav;
    }
}
