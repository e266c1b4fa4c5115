using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WarningHub.Channels.Sms.Common.Flow;
using WarningHub.Channels.Sms.Smgp.Protocol;

namespace WarningHub.Simulators.Smgp;

/// <summary>
/// A simulated China Telecom SMGW on 127.0.0.1 speaking SMGP 3.0 through the adapter's codec: it checks Login's
/// authenticator, answers Submits with 10-octet MsgIDs, sends status reports as Deliver with IsReport 1 on the same
/// connection, answers Status 1 (system busy) beyond a rate, and can misbehave on request (swallow Submits, drop the
/// link, ignore Active_Test). It can also send a handset's message. Per-connection handling is in SimulatedSmgpSp.cs.
/// </summary>
public sealed partial class SmgwSimulator : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly ConcurrentDictionary<SimulatedSmgpSp, byte> _connections = new();
    private readonly ConcurrentQueue<SimulatedSmgpSubmit> _submits = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SendRateLimiter? _rate;
    private readonly Random _random;
    private readonly Lock _lock = new();
    private Task _acceptLoop = Task.CompletedTask;
    private int _msgSequence;
    private int _deliverSequence;
    private long _submitCount;
    private long _accepted;
    private long _flowControlled;
    private long _reportsSent;
    private long _deliverResps;
    private long _activeTestsReceived;
    private long _activeTestAnswers;
    private long _connects;
    private long _refused;
    private long _terminates;

    /// <summary>Creates a simulator; call <see cref="Start"/> to listen.</summary>
    /// <param name="options">Its behaviour; defaults when null.</param>
    /// <param name="time">Its clock.</param>
    /// <param name="loggerFactory">Logging.</param>
    public SmgwSimulator(SmgwSimulatorOptions? options = null, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        Options = options ?? new SmgwSimulatorOptions();
        Time = time ?? TimeProvider.System;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SmgwSimulator>();
        _rate = Options.RateLimitPerSecond > 0 ? new SendRateLimiter(Options.RateLimitPerSecond, Time) : null;
#pragma warning disable CA5394 // reproducible, seedable randomness is the point; nothing security-related depends on it
        _random = new Random(Options.Seed);
#pragma warning restore CA5394
    }

    /// <summary>The options it was created with (some may be changed while running).</summary>
    public SmgwSimulatorOptions Options { get; }

    /// <summary>The port it listens on (after <see cref="Start"/>).</summary>
    public int Port { get; private set; }

    /// <summary>Submits received, resends and system-busy ones included.</summary>
    public long Submits => Interlocked.Read(ref _submitCount);

    /// <summary>Submits answered Status 0: message parts.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Submits answered Status 1 (system busy).</summary>
    public long FlowControlled => Interlocked.Read(ref _flowControlled);

    /// <summary>Status reports sent.</summary>
    public long ReportsSent => Interlocked.Read(ref _reportsSent);

    /// <summary>Deliver_Resps received (for reports and handsets' messages).</summary>
    public long DeliverResponses => Interlocked.Read(ref _deliverResps);

    /// <summary>Active_Tests received from SPs.</summary>
    public long ActiveTestsReceived => Interlocked.Read(ref _activeTestsReceived);

    /// <summary>Active_Test_Resps received for the simulator's own Active_Tests.</summary>
    public long ActiveTestAnswers => Interlocked.Read(ref _activeTestAnswers);

    /// <summary>Logins accepted.</summary>
    public long Connects => Interlocked.Read(ref _connects);

    /// <summary>Logins refused (bad ClientID or secret).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Exits received.</summary>
    public long Terminates => Interlocked.Read(ref _terminates);

    /// <summary>Connections open now.</summary>
    public int OpenConnections => _connections.Count;

    /// <summary>Every Submit received, in order (with <see cref="SmgwSimulatorOptions.RecordSubmits"/>).</summary>
    public IReadOnlyList<SimulatedSmgpSubmit> RecordedSubmits => [.. _submits];

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    /// <summary>Listens on 127.0.0.1 and accepts SPs until disposed.</summary>
    public void Start()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, Options.Port));
        _listener.Listen(64);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>Sends a handset's message to the first connected SP; false when none is connected.</summary>
    /// <param name="from">The handset's number.</param>
    /// <param name="to">The number it sent to (the SP's access number).</param>
    /// <param name="content">The message octets.</param>
    /// <param name="msgFormat">MsgFormat of the octets.</param>
    public bool SendMobileOriginated(string from, string to, byte[] content, byte msgFormat) =>
        _connections.Keys.FirstOrDefault(c => c.IsConnected) is { } sp && sp.SendMobileOriginated(from, to, content, msgFormat);

    /// <summary>Sends Active_Test on every connected link; returns how many were sent.</summary>
    public int SendActiveTests() => _connections.Keys.Count(c => c.IsConnected && c.SendActiveTest());

    /// <summary>Drops every connection without Exit (a cable pulled).</summary>
    public void DropConnections()
    {
        foreach (var connection in _connections.Keys)
        {
            connection.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        await Task.WhenAll(_connections.Keys.Select(c => c.DisposeAsync().AsTask())).ConfigureAwait(false);
        _rate?.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var socket = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
                var sp = new SimulatedSmgpSp(this, socket);
                _connections[sp] = 0;
                sp.Start();
                _ = sp.Completion.ContinueWith(_ => _connections.TryRemove(sp, out byte _), TaskScheduler.Default);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }

    /// <summary>A fresh MsgID: the gateway code, the SMGW's time (MMDDhhmm) and a 6-digit sequence; reports count apart from Submits.</summary>
    internal SmgpMsgId NextMsgId(bool forDeliver = false)
    {
        var now = Time.GetUtcNow().ToOffset(Options.UtcOffset);
        var sequence = Interlocked.Increment(ref forDeliver ? ref _deliverSequence : ref _msgSequence) % 1_000_000;
        return SmgpMsgId.Compose(forDeliver ? (Options.GatewayCode + 1) % 1_000_000 : Options.GatewayCode, now, sequence);
    }

    /// <summary>0 to accept, 1 for system busy.</summary>
    internal uint AdmitSubmit()
    {
        Interlocked.Increment(ref _submitCount);
        if (Interlocked.Read(ref _flowControlled) < Options.FlowControlFirst || NextFlowControlled() || (_rate is not null && !_rate.TryAcquire(out _)))
        {
            Interlocked.Increment(ref _flowControlled);
            return 1;
        }

        Interlocked.Increment(ref _accepted);
        return 0;
    }

    /// <summary>A random share of Submits answered with flow control (<see cref="SmgwSimulatorOptions.FlowControlShare"/>).</summary>
    private bool NextFlowControlled()
    {
        var share = Options.FlowControlShare;
        if (share <= 0)
        {
            return false;
        }

        lock (_lock)
        {
            return _random.NextDouble() < share;
        }
    }

    internal bool NextReportFails()
    {
        lock (_lock)
        {
            return _random.NextDouble() < Options.ReportFailureRate;
        }
    }

    internal void Record(SimulatedSmgpSubmit submit)
    {
        if (Options.RecordSubmits)
        {
            _submits.Enqueue(submit with { ReceivedAt = Time.GetUtcNow() });
        }
    }

    internal void CountConnect(bool accepted) => Interlocked.Increment(ref accepted ? ref _connects : ref _refused);

    internal void CountReport() => Interlocked.Increment(ref _reportsSent);

    internal void CountDeliverResp() => Interlocked.Increment(ref _deliverResps);

    internal void CountActiveTest() => Interlocked.Increment(ref _activeTestsReceived);

    internal void CountActiveTestAnswer() => Interlocked.Increment(ref _activeTestAnswers);

    internal void CountTerminate() => Interlocked.Increment(ref _terminates);
}
