using System.Net;
using WarningHub.Abstractions;

namespace WarningHub.Simulators.Speakers;

/// <summary>How one simulated IP loudspeaker terminal behaves. Fixed once it starts, except what its methods change.</summary>
public sealed class SimulatedSpeakerOptions
{
    /// <summary>The terminal's own identifier in its heartbeats. <value>sim-speaker.</value></summary>
    public string Id { get; set; } = "sim-speaker";

    /// <summary>RTP port on 127.0.0.1; 0 picks a free one (read it from <see cref="SimulatedSpeaker.RtpPort"/>). <value>0.</value></summary>
    public int RtpPort { get; set; }

    /// <summary>Multicast groups (<c>239.x.y.z:port</c>) the terminal joins on the loopback interface. <value>None.</value></summary>
    public IList<string> Groups { get; } = [];

    /// <summary>The adapter's heartbeat endpoint; none = the terminal sends no heartbeats or play reports. <value>None.</value></summary>
    public IPEndPoint? HeartbeatTarget { get; set; }

    /// <summary>Time between heartbeats. <value>1 second.</value></summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Silence after the last packet at which a stream counts as ended (and its play is reported). <value>300 ms.</value></summary>
    public TimeSpan StreamEndSilence { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>What the terminal says when a stream or an HTTP play ends. <value>Played.</value></summary>
    public PlayOutcome PlayOutcome { get; set; } = PlayOutcome.Played;

    /// <summary>The state it starts in. <value>Normal.</value></summary>
    public TerminalState InitialState { get; set; } = TerminalState.Normal;

    /// <summary>Keep every stream's payload and decoded samples (tests); off for load runs. <value>true.</value></summary>
    public bool KeepAudio { get; set; } = true;

    /// <summary>Keep every packet's RFC 3550 jitter estimate, for percentiles. <value>true.</value></summary>
    public bool KeepJitterSamples { get; set; } = true;

    /// <summary>Serve the HTTP profile on 127.0.0.1 (read <see cref="SimulatedSpeaker.HttpAddress"/>). <value>false.</value></summary>
    public bool Http { get; set; }

    /// <summary>Path of the HTTP profile's base address. <value>/speaker.</value></summary>
    public string HttpPath { get; set; } = "/speaker";

    /// <summary>
    /// A URL play downloads its clip before answering, as a real terminal does (502 when that fails). Off by default:
    /// tests of the adapter alone name clip URLs that nothing serves. <value>false.</value>
    /// </summary>
    public bool FetchClipUrls { get; set; }

    /// <summary>How long an HTTP play lasts; none = the uploaded WAV's duration (1 s for a URL). <value>None.</value></summary>
    public TimeSpan? HttpPlayTime { get; set; }

    /// <summary>Answer every play request with this HTTP status instead of playing. <value>None.</value></summary>
    public int? RefusePlayWith { get; set; }
}

/// <summary>What a simulated terminal reports at the end of a play.</summary>
public enum PlayOutcome
{
    /// <summary>"played": true.</summary>
    Played,

    /// <summary>"played": false (amplifier fault, say).</summary>
    NotPlayed,

    /// <summary>No report at all.</summary>
    Silent,
}
