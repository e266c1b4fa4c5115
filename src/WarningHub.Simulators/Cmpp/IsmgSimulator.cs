using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WarningHub.Channels.Sms.Common.Flow;
using WarningHub.Channels.Sms.Cmpp.Protocol;

namespace WarningHub.Simulators.Cmpp;

/// <summary>
/// A simulated China Mobile ISMG on 127.0.0.1 speaking CMPP 2.0 and 3.0 through the adapter's codec: it checks
/// CONNECT's authenticator, answers SUBMITs with Msg_Ids in the specification's bit layout, sends status reports,
/// answers Result 8 beyond a rate, and can misbehave on request (swallow SUBMITs, ignore ACTIVE_TEST). It can also
/// send a handset's message (MO DELIVER) and its own ACTIVE_TEST. Per-connection handling is in SimulatedSp.cs.
/// </summary>
public sealed partial class IsmgSimulator : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly ConcurrentDictionary<SimulatedSp, byte> _connections = new();
    private readonly ConcurrentQueue<SimulatedSubmit> _submits = new();
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
    public IsmgSimulator(IsmgSimulatorOptions? options = null, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        Options = options ?? new IsmgSimulatorOptions();
        Time = time ?? TimeProvider.System;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<IsmgSimulator>();
        _rate = Options.RateLimitPerSecond > 0 ? new SendRateLimiter(Options.RateLimitPerSecond, Time) : null;
#pragma warning disable CA5394 // reproducible, seedable randomness is the point; nothing security-related depends on it
        _random = new Random(Options.Seed);
#pragma warning restore CA5394
    }

    /// <summary>The options it was created with (some may be changed while running).</summary>
    public IsmgSimulatorOptions Options { get; }

    /// <summary>The port it listens on (after <see cref="Start"/>).</summary>
    public int Port { get; private set; }

    /// <summary>SUBMITs received, resends and flow-controlled ones included.</summary>
    public long Submits => Interlocked.Read(ref _submitCount);

    /// <summary>SUBMITs answered Result 0: message parts.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>SUBMITs answered Result 8.</summary>
    public long FlowControlled => Interlocked.Read(ref _flowControlled);

    /// <summary>Status reports sent.</summary>
    public long ReportsSent => Interlocked.Read(ref _reportsSent);

    /// <summary>DELIVER_RESPs received (for reports and handsets' messages).</summary>
    public long DeliverResponses => Interlocked.Read(ref _deliverResps);

    /// <summary>ACTIVE_TESTs received from SPs.</summary>
    public long ActiveTestsReceived => Interlocked.Read(ref _activeTestsReceived);

    /// <summary>ACTIVE_TEST_RESPs received for the simulator's own ACTIVE_TESTs.</summary>
    public long ActiveTestAnswers => Interlocked.Read(ref _activeTestAnswers);

    /// <summary>CONNECTs accepted.</summary>
    public long Connects => Interlocked.Read(ref _connects);

    /// <summary>CONNECTs refused (bad SP id, secret or version).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>TERMINATEs received.</summary>
    public long Terminates => Interlocked.Read(ref _terminates);

    /// <summary>Connections open now.</summary>
    public int OpenConnections => _connections.Count;

    /// <summary>Every SUBMIT received, in order (with <see cref="IsmgSimulatorOptions.RecordSubmits"/>).</summary>
    public IReadOnlyList<SimulatedSubmit> RecordedSubmits => [.. _submits];

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    /// <summary>Listens on 127.0.0.1 and accepts SPs until disposed.</summary>
    public void Start()
    {
        if (Options.Port != 0)
        {
            // An ISMG started again on its old port while the old connections linger in TIME_WAIT.
            _listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        }

        _listener.Bind(new IPEndPoint(IPAddress.Loopback, Options.Port));
        _listener.Listen(64);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>Sends a handset's message to the first connected SP; false when none is connected.</summary>
    public bool SendMobileOriginated(string from, string to, byte[] content, byte msgFmt) =>
        _connections.Keys.FirstOrDefault(c => c.IsConnected) is { } sp && sp.SendMobileOriginated(from, to, content, msgFmt);

    /// <summary>Sends ACTIVE_TEST on every connected link; returns how many were sent.</summary>
    public int SendActiveTests() => _connections.Keys.Count(c => c.IsConnected && c.SendActiveTest());

    /// <summary>Drops every connection without TERMINATE (a cable pulled).</summary>
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
                var sp = new SimulatedSp(this, socket);
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

    /// <summary>
    /// A fresh Msg_Id in the specification's layout, stamped with the ISMG's clock. One ISMG code's 16-bit sequence
    /// makes at most 65,536 ids a second unique, so the simulator answers like a cluster of
    /// <see cref="CodesPerKind"/> ISMGs: each wrap of the sequence moves to the next code. SUBMITs take the even
    /// offsets from the gateway code and DELIVERs the odd ones, so reports never use up the SUBMITs' ids; ids stay
    /// unique up to 8 × 65,536 a second of each kind.
    /// </summary>
    internal ulong NextMsgId(bool forDeliver = false)
    {
        var now = Time.GetUtcNow().ToOffset(Options.UtcOffset);
        var count = (ulong)(uint)Interlocked.Increment(ref forDeliver ? ref _deliverSequence : ref _msgSequence);
        var sequence = (int)(count & 0xFFFF);
        var offset = ((int)((count >> 16) % CodesPerKind) * 2) + (forDeliver ? 1 : 0);
        var code = (Options.GatewayCode + offset) & 0x3F_FFFF;
        return MsgId.Compose(now.Month, now.Day, now.Hour, now.Minute, now.Second, code, sequence).Value;
    }

    /// <summary>How many ISMG codes each kind of Msg_Id rotates through.</summary>
    internal const int CodesPerKind = 8;

    /// <summary>0 to accept, 8 for flow control.</summary>
    internal uint AdmitSubmit()
    {
        Interlocked.Increment(ref _submitCount);
        if (Interlocked.Read(ref _flowControlled) < Options.FlowControlFirst || NextFlowControlled() || (_rate is not null && !_rate.TryAcquire(out _)))
        {
            Interlocked.Increment(ref _flowControlled);
            return 8;
        }

        Interlocked.Increment(ref _accepted);
        return 0;
    }

    /// <summary>A random share of Submits answered with flow control (<see cref="IsmgSimulatorOptions.FlowControlShare"/>).</summary>
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

    internal void Record(SimulatedSubmit submit)
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
