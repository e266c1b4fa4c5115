namespace WarningHub.Abstractions;

/// <summary>Encodings an audio clip is offered in.</summary>
public enum AudioFormat
{
    /// <summary>RIFF WAV, PCM 16-bit mono, 16 kHz: uploads and downloads.</summary>
    WavPcm16k,

    /// <summary>Raw G.711 μ-law, 8 kHz mono (RTP payload type 0).</summary>
    MuLaw8k,

    /// <summary>Raw G.711 A-law, 8 kHz mono (RTP payload type 8).</summary>
    ALaw8k,
}

/// <summary>
/// A finished bulletin (tone, speech, tone) in every encoding the hub offers, made once per warning and language.
/// </summary>
/// <param name="Id">Stable identifier, usable in URLs and as a cache key.</param>
/// <param name="Duration">Playing time.</param>
/// <param name="Encodings">The clip in each available format.</param>
public sealed record AudioClip(string Id, TimeSpan Duration, IReadOnlyDictionary<AudioFormat, ReadOnlyMemory<byte>> Encodings)
{
    /// <summary>The clip in <paramref name="format"/>, if it was made.</summary>
    public bool TryGet(AudioFormat format, out ReadOnlyMemory<byte> data) => Encodings.TryGetValue(format, out data);
}

/// <summary>One bulletin for one terminal or group.</summary>
/// <param name="Reference">Our identifier of the ledger slot.</param>
/// <param name="Address">The terminal's endpoint as the registry holds it (for example <c>rtp://10.1.2.3:5004</c>,
/// <c>rtp-multicast://239.0.1.1:5004</c>, <c>http://10.1.2.3/api</c>, <c>serial:ttyS1#2</c>); the adapter parses it.</param>
/// <param name="Clip">The audio, for terminals that play it.</param>
/// <param name="Text">The script, for terminals that speak for themselves (TTS modules).</param>
public sealed record AudioMessage(long Reference, string Address, AudioClip Clip, string Text);

/// <summary>An adapter that plays bulletins on terminals (IP or serial loudspeakers).</summary>
public interface IAudioBroadcaster : IChannelAdapter
{
    /// <summary>
    /// Delivers one bulletin. Accepted means the terminal took it; a play confirmation, when the terminal gives
    /// one, arrives later as a <see cref="Receipt"/> (Delivered = played). Never throws for terminal errors.
    /// </summary>
    ValueTask<DeliveryResult> BroadcastAsync(AudioMessage message, CancellationToken cancellationToken);
}

/// <summary>Terminal states as emergency-broadcast terminals report them.</summary>
public enum TerminalState
{
    /// <summary>Idle and healthy.</summary>
    Normal,

    /// <summary>Switched off or stopped by an operator.</summary>
    Stopped,

    /// <summary>Reports a fault.</summary>
    Fault,

    /// <summary>Back to normal after a fault.</summary>
    Recovered,

    /// <summary>Playing now.</summary>
    Broadcasting,

    /// <summary>No heartbeat within the allowed time.</summary>
    Offline,
}

/// <summary>The last known state of one terminal.</summary>
public sealed record TerminalStatus(string Address, TerminalState State, DateTimeOffset At);

/// <summary>An adapter that knows its terminals' health from heartbeats or status queries.</summary>
public interface ITerminalMonitor : IChannelAdapter
{
    /// <summary>The last known state of every terminal the adapter has seen.</summary>
    IReadOnlyList<TerminalStatus> Terminals { get; }

    /// <summary>
    /// The state now of the terminal a registry address reaches (for example <c>rtp://10.1.2.3:5004?pt=8</c> or
    /// <c>serial:ttyS1#2</c>), or null when the adapter has never heard from it or the address names no single
    /// terminal (a multicast group). Adapters whose addresses carry options override it to find the terminal's entry.
    /// </summary>
    /// <param name="address">The terminal's address as the registry holds it.</param>
    /// <returns>By default, the entry of <see cref="Terminals"/> whose address is exactly <paramref name="address"/>.</returns>
    TerminalStatus? StatusOf(string address) =>
        Terminals.FirstOrDefault(t => string.Equals(t.Address, address, StringComparison.Ordinal));
}
