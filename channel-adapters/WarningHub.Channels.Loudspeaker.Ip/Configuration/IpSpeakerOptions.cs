namespace WarningHub.Channels.Loudspeaker.Ip;

/// <summary>
/// Settings of one IP loudspeaker network (村村响 / 大喇叭): RTP streaming, terminal heartbeats and the HTTP profile.
/// Checked at start-up by <see cref="IpSpeakerOptionsValidator"/>.
/// </summary>
public sealed class IpSpeakerOptions
{
    /// <summary>Local address the RTP senders and the heartbeat listener bind to. <value>0.0.0.0 (every interface).</value></summary>
    public string LocalAddress { get; set; } = "0.0.0.0";

    /// <summary>UDP port terminals send heartbeats and play reports to; 0 picks a free one. <value>5110.</value></summary>
    public int HeartbeatPort { get; set; } = 5110;

    /// <summary>Silence after which a terminal counts as offline. <value>30 seconds.</value></summary>
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Audio per RTP packet, whole milliseconds from 10 to 60. <value>20 ms (160 bytes of G.711).</value></summary>
    public TimeSpan PacketTime { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// How far ahead of real time a stream runs: the packets of the first <c>lead</c> leave at once to fill the
    /// terminal's jitter buffer, the rest keep the same lead. <value>Zero.</value>
    /// </summary>
    public TimeSpan JitterBufferLead { get; set; }

    /// <summary>Streams (unicast and multicast) playing at once; beyond it a broadcast fails temporarily. <value>512.</value></summary>
    public int MaxConcurrentStreams { get; set; } = 512;

    /// <summary>RTP payload type for <c>rtp://</c> addresses without <c>?pt=</c>: 0 (PCMU) or 8 (PCMA). <value>0.</value></summary>
    public int DefaultPayloadType { get; set; }

    /// <summary>Multicast TTL for <c>rtp-multicast://</c> addresses without <c>?ttl=</c>. <value>1 (the local subnet).</value></summary>
    public int DefaultMulticastTtl { get; set; } = 1;

    /// <summary>Local interface address multicast leaves by; none lets the routing table choose. <value>None.</value></summary>
    public string? MulticastInterface { get; set; }

    /// <summary>Time allowed for an HTTP play request, upload included. <value>30 seconds.</value></summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for an HTTP status query. <value>3 seconds.</value></summary>
    public TimeSpan HttpStatusTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often HTTP terminals' status is polled (state and play confirmations). <value>2 seconds.</value></summary>
    public TimeSpan HttpStatusPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How HTTP terminals get the clip. <value>Upload.</value></summary>
    public HttpClipDelivery HttpClipDelivery { get; set; } = HttpClipDelivery.Upload;

    /// <summary>Where the hub serves clips (<c>{ClipBaseUrl}/{clip id}.wav</c>); required for <see cref="HttpClipDelivery.Url"/>. <value>None.</value></summary>
    public string? ClipBaseUrl { get; set; }

    /// <summary>Time after a clip's end within which a play confirmation is matched; later ones are dropped. <value>60 seconds.</value></summary>
    public TimeSpan PlayConfirmationGrace { get; set; } = TimeSpan.FromSeconds(60);
}
