using NAudio.Codecs;

namespace WarningHub.Audio;

/// <summary>G.711 companding of 16-bit PCM, one byte per sample, with NAudio's encoders (ITU-T G.711 μ-law and A-law).</summary>
internal static class G711
{
    public static byte[] MuLaw(ReadOnlySpan<short> pcm)
    {
        var encoded = new byte[pcm.Length];
        for (var i = 0; i < pcm.Length; i++)
        {
            encoded[i] = MuLawEncoder.LinearToMuLawSample(pcm[i]);
        }

        return encoded;
    }

    public static byte[] ALaw(ReadOnlySpan<short> pcm)
    {
        var encoded = new byte[pcm.Length];
        for (var i = 0; i < pcm.Length; i++)
        {
            encoded[i] = ALawEncoder.LinearToALawSample(pcm[i]);
        }

        return encoded;
    }
}
