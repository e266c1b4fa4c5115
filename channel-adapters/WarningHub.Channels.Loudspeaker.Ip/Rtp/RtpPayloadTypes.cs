namespace WarningHub.Channels.Loudspeaker.Ip;

/// <summary>The static RTP payload types of RFC 3551 this adapter sends (8 kHz, one channel).</summary>
internal static class RtpPayloadTypes
{
    /// <summary>G.711 μ-law.</summary>
    public const byte Pcmu = 0;

    /// <summary>G.711 A-law.</summary>
    public const byte Pcma = 8;

    /// <summary>Samples per second of both.</summary>
    public const int ClockRate = 8000;
}
