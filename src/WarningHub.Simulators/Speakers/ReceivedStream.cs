namespace WarningHub.Simulators.Speakers;

/// <summary>
/// What a terminal received of one stream (one SSRC): counts per RFC 3550 A.1/A.3, interarrival jitter per §6.4.1
/// and A.8, continuity checks, and the audio decoded back to PCM. Updated by the terminal's receive loops under its
/// lock; read it after the stream ended.
/// </summary>
public sealed class ReceivedStream
{
    private readonly List<byte> _payload = [];
    private readonly List<short> _samples = [];
    private readonly List<double> _jitterMs = [];
    private readonly bool _keepAudio;
    private readonly bool _keepJitter;
    private long _extendedMax;
    private long _firstArrival;
    private double _lastTransit;
    private double _jitter;
    private long _lastSeq = -1;

    /// <summary>Starts an empty record of stream <paramref name="ssrc"/>.</summary>
    public ReceivedStream(uint ssrc, int payloadType, bool keepAudio, bool keepJitter)
    {
        Ssrc = ssrc;
        PayloadType = payloadType;
        _keepAudio = keepAudio;
        _keepJitter = keepJitter;
    }

    /// <summary>The stream's SSRC; also the <c>playId</c> of its play report (8 lower-case hex digits).</summary>
    public uint Ssrc { get; }

    public string PlayId => Ssrc.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    public int PayloadType { get; }

    public int Packets { get; private set; }

    public ushort FirstSequence { get; private set; }

    public uint FirstTimestamp { get; private set; }

    /// <summary>RFC 3550 A.3: expected (highest extended sequence − first + 1) minus received.</summary>
    public long Lost => (_extendedMax - FirstSequence + 1) - Packets;

    /// <summary>Packets that did not follow their predecessor's sequence number (+1 mod 2^16).</summary>
    public int SequenceGaps { get; private set; }

    /// <summary>Packets whose timestamp did not advance by the samples of the packets in between.</summary>
    public int TimestampErrors { get; private set; }

    /// <summary>Packets of another payload type, version or sample count than the first.</summary>
    public int FormatErrors { get; private set; }

    /// <summary>Whether the marker bit was set on the first packet, and only there.</summary>
    public bool MarkerOnFirstOnly { get; private set; } = true;

    /// <summary>The RFC 3550 interarrival jitter now, in milliseconds.</summary>
    public double JitterMs => _jitter / 8.0;

    /// <summary>The jitter estimate after each packet, in milliseconds (if kept).</summary>
    public IReadOnlyList<double> JitterSamplesMs => _jitterMs;

    /// <summary>The payload bytes in arrival order (if kept).</summary>
    public IReadOnlyList<byte> Payload => _payload;

    /// <summary>The payload decoded to 16-bit PCM with the simulator's own G.711 tables (if kept).</summary>
    public IReadOnlyList<short> Samples => _samples;

    /// <summary>The arrival stamp of the last packet, in the clock given to <see cref="Add"/>.</summary>
    public long LastArrival { get; private set; }

    /// <summary>When the terminal last processed a packet of this stream (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
    public long LastSeen { get; internal set; }

    public bool Ended { get; internal set; }

    /// <summary>Counts one packet that arrived at <paramref name="arrival"/> (ticks of <paramref name="frequency"/> per second).</summary>
    public void Add(RtpPacketView packet, ReadOnlySpan<byte> payload, long arrival, long frequency)
    {
        if (Packets == 0)
        {
            FirstSequence = packet.Sequence;
            FirstTimestamp = packet.Timestamp;
            _extendedMax = packet.Sequence;
            _firstArrival = arrival;
            MarkerOnFirstOnly = packet.Marker;
        }
        else if (packet.Marker)
        {
            MarkerOnFirstOnly = false;
        }

        if (packet.Version != 2 || packet.PayloadType != PayloadType || payload.Length != 160)
        {
            FormatErrors++;
        }

        // RFC 3550 A.1: the extended sequence number follows wrap-around; choose the value nearest the highest so far.
        var extended = _extendedMax + (short)(packet.Sequence - (ushort)_extendedMax);
        if (_lastSeq >= 0 && extended != _lastSeq + 1)
        {
            SequenceGaps++;
        }

        _lastSeq = extended;
        _extendedMax = Math.Max(_extendedMax, extended);
        var timestampSteps = (long)unchecked(packet.Timestamp - FirstTimestamp);
        if (timestampSteps != (extended - FirstSequence) * payload.Length)
        {
            TimestampErrors++;
        }

        // RFC 3550 A.8, in timestamp units (1/8000 s): J += (|D| − J) / 16, D the change in transit time.
        var arrivalUnits = (double)(arrival - _firstArrival) * 8000.0 / frequency;
        var transit = arrivalUnits - timestampSteps;
        if (Packets > 0)
        {
            _jitter += (Math.Abs(transit - _lastTransit) - _jitter) / 16.0;
        }

        _lastTransit = transit;
        Packets++;
        LastArrival = arrival;
        if (_keepJitter)
        {
            _jitterMs.Add(JitterMs);
        }

        if (_keepAudio)
        {
            foreach (var code in payload)
            {
                _payload.Add(code);
                _samples.Add(G711Decoder.Decode(code, packet.PayloadType));
            }
        }
    }
}
