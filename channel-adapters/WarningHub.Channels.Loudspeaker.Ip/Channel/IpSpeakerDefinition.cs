using WarningHub.Abstractions;

namespace WarningHub.Channels.Loudspeaker.Ip;

/// <summary>What the adapter says about itself.</summary>
internal static class IpSpeakerDefinition
{
    public static ChannelDefinition Create(string name, IpSpeakerOptions options) =>
        new("ip-speaker:" + name, IpSpeakerChannel.ChannelName, MaxTextLength: 0, SupportsReceipts: true, MaxInFlight: options.MaxConcurrentStreams)
        {
            AudioFormats = [AudioFormat.MuLaw8k, AudioFormat.ALaw8k, AudioFormat.WavPcm16k],
            Settings = new Dictionary<string, string>
            {
                [nameof(IpSpeakerOptions.LocalAddress)] = "local IPv4 address RTP and heartbeats use (0.0.0.0)",
                [nameof(IpSpeakerOptions.HeartbeatPort)] = "UDP port for terminal heartbeats and play reports (5110; 0 = any)",
                [nameof(IpSpeakerOptions.OfflineAfter)] = "silence after which a terminal is offline (30 s)",
                [nameof(IpSpeakerOptions.PacketTime)] = "audio per RTP packet (20 ms)",
                [nameof(IpSpeakerOptions.JitterBufferLead)] = "how far streams run ahead of real time (0)",
                [nameof(IpSpeakerOptions.MaxConcurrentStreams)] = "RTP streams at once (512)",
                [nameof(IpSpeakerOptions.DefaultPayloadType)] = "0 (PCMU) or 8 (PCMA) when the address has no ?pt=",
                [nameof(IpSpeakerOptions.DefaultMulticastTtl)] = "multicast TTL when the address has no ?ttl= (1)",
                [nameof(IpSpeakerOptions.MulticastInterface)] = "local interface address for multicast (routing table)",
                [nameof(IpSpeakerOptions.HttpTimeout)] = "HTTP play request timeout (30 s)",
                [nameof(IpSpeakerOptions.HttpStatusTimeout)] = "HTTP status query timeout (3 s)",
                [nameof(IpSpeakerOptions.HttpStatusPollInterval)] = "HTTP status polling period (2 s)",
                [nameof(IpSpeakerOptions.HttpClipDelivery)] = "Upload or Url",
                [nameof(IpSpeakerOptions.ClipBaseUrl)] = "where the hub serves clips, for Url delivery",
                [nameof(IpSpeakerOptions.PlayConfirmationGrace)] = "time after a clip's end to await its confirmation (60 s)",
            },
        };
}
