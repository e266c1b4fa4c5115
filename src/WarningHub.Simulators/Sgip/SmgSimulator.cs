using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WarningHub.Channels.Sms.Common.Flow;
using WarningHub.Channels.Sms.Sgip.Protocol;
using WarningHub.Channels.Sms.Sgip.Transport;

namespace WarningHub.Simulators.Sgip;

/// <summary>
/// A simulated China Unicom SMG on 127.0.0.1 speaking SGIP 1.2 through the adapter's codec: it checks the SP's Bind,
/// answers Submits (Result 11 "node busy" beyond a rate), and, as a real SMG does, opens its own connection to the SP
/// (Bind type 2) to send Reports for the Submits' Sequence Numbers and handsets' messages (Deliver). It can misbehave
/// on request (swallow Submits, drop the link mid-message). The SP's connections are in SimulatedSgipSp.cs, the SMG's
/// own connection in SmgToSpLink.cs.
/// </summary>
public sealed class SmgSimulator : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly ConcurrentDictionary<SimulatedSgipSp, byte> _connections = new();
    private readonly ConcurrentQueue<SimulatedSgipSubmit> _submits = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SendRateLimiter? _rate;
    private readonly Random _random;
    private readonly Lock _lock = new();
    private Task _acceptLoop = Task.CompletedTask;
    private long _submitCount;
    private long _accepted;
    private long _flowControlled;
    private long _binds;
    private long _refused;
    private long _unbinds;

    /// <summary>Creates a simulator; call <see cref="Start"/> to listen.</summary>
    /// <param name="options">Its behaviour; defaults when null.</param>
    /// <param name="time">Its clock, for Sequence Numbers and the rate.</param>
    /// <param name="loggerFactory">Logging.</param>
    public SmgSimulator(SmgSimulatorOptions? options = null, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        Options = options ?? new SmgSimulatorOptions();
        Time = time ?? TimeProvider.System;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SmgSimulator>();
        _rate = Options.RateLimitPerSecond > 0 ? new SendRateLimiter(Options.RateLimitPerSecond, Time) : null;
        Sequencer = new SgipSequencer(Options.NodeId, Time, Options.UtcOffset);
        Link = new SmgToSpLink(this);
#pragma warning disable CA5394 // reproducible, seedable randomness is the point; nothing security-related depends on it
        _random = new Random(Options.Seed);
#pragma warning restore CA5394
    }

    /// <summary>The options it was created with (some may be changed while running).</summary>
    public SmgSimulatorOptions Options { get; }

    /// <summary>The port the SP binds to (after <see cref="Start"/>).</summary>
    public int Port { get; private set; }

    /// <summary>Submits received, resends and node-busy ones included.</summary>
    public long Submits => Interlocked.Read(ref _submitCount);

    /// <summary>Submits answered Result 0: message parts.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Submits answered Result 11.</summary>
    public long FlowControlled => Interlocked.Read(ref _flowControlled);

    /// <summary>Binds of type 1 accepted.</summary>
    public long Binds => Interlocked.Read(ref _binds);

    /// <summary>Binds refused (wrong name, password or type).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Unbinds received from the SP.</summary>
    public long Unbinds => Interlocked.Read(ref _unbinds);

    /// <summary>Reports sent to the SP and answered with Report_Resp.</summary>
    public long ReportsAnswered => Link.ReportsAnswered;

    /// <summary>Delivers (handsets' messages) sent to the SP and answered with Deliver_Resp.</summary>
    public long DeliversAnswered => Link.DeliversAnswered;

    /// <summary>Times the SMG's own connection to the SP was bound.</summary>
    public long SpBinds => Link.Binds;

    /// <summary>Times the SP refused the SMG's own Bind (type 2).</summary>
    public long SpRefusals => Link.Refusals;

    /// <summary>Reports and Delivers waiting to go to the SP, or sent and not yet answered.</summary>
    public int Outstanding => Link.Outstanding;

    /// <summary>The SP's connections open now.</summary>
    public int OpenConnections => _connections.Count;

    /// <summary>Every Submit received, in order (with <see cref="SmgSimulatorOptions.RecordSubmits"/>).</summary>
    public IReadOnlyList<SimulatedSgipSubmit> RecordedSubmits => [.. _submits];

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal SgipSequencer Sequencer { get; }

    internal SmgToSpLink Link { get; }

    internal CancellationToken Stopping => _stop.Token;

    /// <summary>Listens on 127.0.0.1 and accepts SPs until disposed.</summary>
    public void Start()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, Options.Port));
        _listener.Listen(64);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _acceptLoop = AcceptLoopAsync();
        Link.Start();
    }

    /// <summary>Queues a handset's message (Deliver) for the SP's listening port.</summary>
    /// <param name="from">The handset, "86" + its number.</param>
    /// <param name="to">The number it sent to (the SP's access number).</param>
    /// <param name="content">The message octets.</param>
    /// <param name="coding">MessageCoding of the octets.</param>
    public void SendMobileOriginated(string from, string to, byte[] content, byte coding) =>
        Link.Enqueue(new DeliverPdu { UserNumber = from, SpNumber = to, MessageCoding = coding, MessageContent = content });

    /// <summary>Drops every SP connection without Unbind (a cable pulled).</summary>
    public void DropConnections()
    {
        foreach (var connection in _connections.Keys)
        {
            connection.Abort();
        }
    }

    /// <summary>Stops listening and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        await Task.WhenAll(_connections.Keys.Select(c => c.DisposeAsync().AsTask())).ConfigureAwait(false);
        await Link.DisposeAsync().ConfigureAwait(false);
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
                var sp = new SimulatedSgipSp(this, socket);
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

    /// <summary>0 to accept, 11 for node busy.</summary>
    internal byte AdmitSubmit()
    {
        Interlocked.Increment(ref _submitCount);
        if (Interlocked.Read(ref _flowControlled) < Options.FlowControlFirst || NextFlowControlled() || (_rate is not null && !_rate.TryAcquire(out _)))
        {
            Interlocked.Increment(ref _flowControlled);
            return 11;
        }

        Interlocked.Increment(ref _accepted);
        return 0;
    }

    /// <summary>A random share of Submits answered with flow control (<see cref="SmgSimulatorOptions.FlowControlShare"/>).</summary>
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

    internal void Record(SimulatedSgipSubmit submit)
    {
        if (Options.RecordSubmits)
        {
            _submits.Enqueue(submit with { ReceivedAt = Time.GetUtcNow() });
        }
    }

    internal void CountBind(bool accepted) => Interlocked.Increment(ref accepted ? ref _binds : ref _refused);

    internal void CountUnbind() => Interlocked.Increment(ref _unbinds);
}
