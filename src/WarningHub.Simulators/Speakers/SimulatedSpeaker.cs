using System.Net;
using System.Net.Sockets;
using WarningHub.Abstractions;

namespace WarningHub.Simulators.Speakers;

/// <summary>
/// A simulated IP loudspeaker terminal on 127.0.0.1: receives RTP G.711 (unicast and joined multicast groups),
/// checks pacing and continuity, decodes the audio, sends heartbeats and play reports to the adapter, and serves
/// the HTTP profile. Faults and silence (offline) are switched with <see cref="SetState"/> and <see cref="GoOffline"/>.
/// RTP reception is in SimulatedSpeaker.Rtp.cs, heartbeats in SimulatedSpeaker.Heartbeats.cs, HTTP in SimulatedSpeaker.Http.cs.
/// </summary>
public sealed partial class SimulatedSpeaker : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly List<Socket> _sockets = [];
    private TerminalState _state;
    private volatile bool _offline;

    /// <param name="options">How the terminal behaves.</param>
    /// <param name="uplink">A heartbeat socket shared with other terminals (not disposed here); none = its own socket.</param>
    public SimulatedSpeaker(SimulatedSpeakerOptions options, SpeakerUplink? uplink = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _state = options.InitialState;
        _uplink = uplink;
    }

    public SimulatedSpeakerOptions Options { get; }

    /// <summary>The RTP port on 127.0.0.1 (after <see cref="StartAsync"/>).</summary>
    public int RtpPort { get; private set; }

    /// <summary>The terminal's unicast address as the registry would hold it: <c>rtp://127.0.0.1:port</c>.</summary>
    public string RtpAddress => $"rtp://127.0.0.1:{RtpPort}";

    /// <summary>The HTTP profile's base address, when <see cref="SimulatedSpeakerOptions.Http"/> is on.</summary>
    public string? HttpAddress { get; private set; }

    public TerminalState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public bool IsOffline => _offline;

    public async Task StartAsync()
    {
        var rtp = OpenRtpSocket(new IPEndPoint(IPAddress.Loopback, Options.RtpPort));
        RtpPort = ((IPEndPoint)rtp.LocalEndPoint!).Port;
        _loops.Add(Task.Run(() => ReceiveLoopAsync(rtp)));
        foreach (var group in Options.Groups)
        {
            var socket = OpenGroupSocket(IPEndPoint.Parse(group));
            _loops.Add(Task.Run(() => ReceiveLoopAsync(socket)));
        }

        if (Options.Http)
        {
            await StartHttpAsync().ConfigureAwait(false);
        }

        if (Options.HeartbeatTarget is not null)
        {
            StartHeartbeats(Options.HeartbeatTarget);
        }
    }

    /// <summary>Reports a new state at once (and in every later heartbeat).</summary>
    public void SetState(TerminalState state)
    {
        lock (_gate)
        {
            _state = state;
        }

        SendStatus(null, null);
    }

    /// <summary>Goes silent: no heartbeats, RTP ignored, HTTP connections dropped. <paramref name="offline"/> false comes back.</summary>
    public void GoOffline(bool offline = true)
    {
        _offline = offline;
        if (!offline)
        {
            SendStatus(null, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }

        await Task.WhenAll(_loops).ConfigureAwait(false);
        await StopHttpAsync().ConfigureAwait(false);
        _heartbeat?.Dispose();
        _stop.Dispose();
    }

    private Socket OpenRtpSocket(IPEndPoint local)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 1 << 20 };
        _sockets.Add(socket);
        socket.Bind(local);
        KernelReceiveClock.Enable(socket);
        return socket;
    }

    private Socket OpenGroupSocket(IPEndPoint group)
    {
        // Bound to the group address (not to every interface), joined on the loopback interface only.
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 1 << 20 };
        _sockets.Add(socket);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Bind(group);
        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(group.Address, IPAddress.Loopback));
        KernelReceiveClock.Enable(socket);
        return socket;
    }
}
