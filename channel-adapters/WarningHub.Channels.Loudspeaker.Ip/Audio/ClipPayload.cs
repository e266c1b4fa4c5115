using WarningHub.Abstractions;

namespace WarningHub.Channels.Loudspeaker.Ip.Audio;

/// <summary>
/// Picks the bytes a terminal gets from an <see cref="AudioClip"/>: the encoding it needs when the clip has it,
/// else a conversion (μ-law ↔ A-law code by code, WAV 16 kHz → G.711 by decimation, G.711 → 8 kHz WAV).
/// </summary>
internal static class ClipPayload
{
    /// <summary>Raw G.711 for RTP payload type 0 or 8; null with the reason when the clip has nothing usable.</summary>
    public static ReadOnlyMemory<byte>? ForRtp(AudioClip clip, byte payloadType, out string problem)
    {
        problem = string.Empty;
        var wanted = payloadType == RtpPayloadTypes.Pcma ? AudioFormat.ALaw8k : AudioFormat.MuLaw8k;
        var other = payloadType == RtpPayloadTypes.Pcma ? AudioFormat.MuLaw8k : AudioFormat.ALaw8k;
        if (clip.TryGet(wanted, out var direct) && !direct.IsEmpty)
        {
            return direct;
        }

        if (clip.TryGet(other, out var otherLaw) && !otherLaw.IsEmpty)
        {
            var pcm = new short[otherLaw.Length];
            G711.Decode(otherLaw.Span, pcm, payloadType == RtpPayloadTypes.Pcma ? RtpPayloadTypes.Pcmu : RtpPayloadTypes.Pcma);
            return G711.Encode(pcm, payloadType);
        }

        var samples = Pcm8k(clip, out problem);
        if (samples is null)
        {
            return null;
        }

        return G711.Encode(samples, payloadType);
    }

    /// <summary>A WAV for HTTP terminals: the clip's own when it has one, else its G.711 decoded at 8 kHz.</summary>
    public static ReadOnlyMemory<byte>? ForUpload(AudioClip clip, out string problem)
    {
        problem = string.Empty;
        if (clip.TryGet(AudioFormat.WavPcm16k, out var wav) && !wav.IsEmpty)
        {
            return wav;
        }

        foreach (var (format, pt) in new[] { (AudioFormat.MuLaw8k, RtpPayloadTypes.Pcmu), (AudioFormat.ALaw8k, RtpPayloadTypes.Pcma) })
        {
            if (clip.TryGet(format, out var codes) && !codes.IsEmpty)
            {
                var pcm = new short[codes.Length];
                G711.Decode(codes.Span, pcm, pt);
                return WavFile.Write(pcm, RtpPayloadTypes.ClockRate);
            }
        }

        problem = "The clip has no audio in any format.";
        return null;
    }

    private static short[]? Pcm8k(AudioClip clip, out string problem)
    {
        if (!clip.TryGet(AudioFormat.WavPcm16k, out var wav) || wav.IsEmpty)
        {
            problem = "The clip has no audio in any format.";
            return null;
        }

        var samples = WavFile.Read(wav.Span, out var rate, out problem);
        if (samples is null || samples.Length == 0)
        {
            problem = samples is null ? problem : "The clip's WAV holds no samples.";
            return null;
        }

        return rate == 16000 ? Decimator.HalveRate(samples) : samples;
    }
}
