using System.Buffers.Binary;
using System.Text;

namespace WarningHub.Audio.Tests;

/// <summary>The fields of a canonical 44-byte RIFF WAV header, read by hand rather than by NAudio.</summary>
internal sealed record WavFile(string Riff, uint RiffSize, string Wave, string Fmt, ushort FormatTag, ushort Channels,
    uint SampleRate, uint ByteRate, ushort BlockAlign, ushort BitsPerSample, string Data, uint DataSize, short[] Samples)
{
    public static WavFile Parse(ReadOnlySpan<byte> wav)
    {
        string Text(ReadOnlySpan<byte> at) => Encoding.ASCII.GetString(at[..4]);
        var dataSize = BinaryPrimitives.ReadUInt32LittleEndian(wav[40..]);
        var samples = new short[Math.Min(dataSize, (uint)(wav.Length - 44)) / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(wav[(44 + (2 * i))..]);
        }

        return new WavFile(
            Text(wav), BinaryPrimitives.ReadUInt32LittleEndian(wav[4..]), Text(wav[8..]), Text(wav[12..]),
            BinaryPrimitives.ReadUInt16LittleEndian(wav[20..]), BinaryPrimitives.ReadUInt16LittleEndian(wav[22..]),
            BinaryPrimitives.ReadUInt32LittleEndian(wav[24..]), BinaryPrimitives.ReadUInt32LittleEndian(wav[28..]),
            BinaryPrimitives.ReadUInt16LittleEndian(wav[32..]), BinaryPrimitives.ReadUInt16LittleEndian(wav[34..]),
            Text(wav[36..]), dataSize, samples);
    }

    /// <summary>A minimal WAV (16-bit PCM) of <paramref name="samples"/>, for stand-in speech engines.</summary>
    public static byte[] Build(ReadOnlySpan<float> samples, int sampleRate, int channels = 1)
    {
        var data = samples.Length * 2;
        var wav = new byte[44 + data];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(wav, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(4), (uint)(36 + data));
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(wav, 8);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(22), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(24), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(28), (uint)(sampleRate * channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(32), (ushort)(channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(34), 16);
        Encoding.ASCII.GetBytes("data").CopyTo(wav, 36);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(40), (uint)data);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + (2 * i)), (short)(samples[i] * 32767));
        }

        return wav;
    }
}
