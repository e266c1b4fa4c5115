using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WarningHub.Channels.Sms.Smpp.Flow;
using WarningHub.Channels.Sms.Smpp.Transport;

namespace WarningHub.Simulators.Smsc;

/// <summary>
/// A simulated SMSC on 127.0.0.1 speaking SMPP 3.4 through the adapter's codec: it accepts binds, answers
/// submit_sm with message ids, sends delivery receipts, throttles beyond a rate, and can misbehave on request
/// (swallow submits, drop connections, refuse destinations). Built to keep up with 30,000+ submit_sm per second,
/// so it also serves as the benchmark's far end. Per-connection protocol handling is in SimulatedEsme.cs.
/// </summary>
public sealed partial class SmscSimulator : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly ConcurrentDictionary<SimulatedEsme, byte> _connections = new();
    private readonly ConcurrentQueue<SimulatedMessage> _messages = new();

    // Part id → whether its receipt said DELIVRD; kept with RecordMessages only (a benchmark sends millions of parts).
    private readonly ConcurrentDictionary<string, bool> _receiptOutcomes = new(StringComparer.Ordinal);

    // One assembler for the whole SMSC, as a handset sees one stream: parts of one message may come over different binds.
    internal MessageAssembler Assembler { get; } = new();
    private readonly ConcurrentDictionary<string, uint> _rejectedDestinations = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(SimulatedEsme Connection, OutboundPdu Pdu)> _held = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SendRateLimiter? _rateLimiter;
    private readonly Random _random;
    private readonly Lock _randomLock = new();
    private Task _acceptLoop = Task.CompletedTask;
    private long _nextMessageId = 0xA000_0000;
    private long _submits;
    private long _partsAccepted;
    private long _throttled;
    private long _receiptsSent;
    private long _binds;
    private long _firstSubmitTimestamp;
    private long _enquireLinks;

    /// <summary>Creates a simulator; call <see cref="Start"/> to listen.</summary>
    public SmscSimulator(SmscSimulatorOptions? options = null, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        Options = options ?? new SmscSimulatorOptions();
        Time = time ?? TimeProvider.System;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Logger = LoggerFactory.CreateLogger<SmscSimulator>();
        _rateLimiter = Options.RateLimitPerSecond > 0 ? new SendRateLimiter(Options.RateLimitPerSecond, Time) : null;

        // CA5394: reproducible, seedable randomness is the point here; nothing security-related depends on it.
#pragma warning disable CA5394
        _random = new Random(Options.Seed);
#pragma warning restore CA5394
    }

    /// <summary>The options it was created with.</summary>
    public SmscSimulatorOptions Options { get; }

    /// <summary>The port it listens on (after <see cref="Start"/>).</summary>
    public int Port { get; private set; }

    /// <summary>submit_sm PDUs received, throttled and swallowed ones included.</summary>
    public long Submits => Interlocked.Read(ref _submits);

    /// <summary>submit_sm PDUs accepted (answered ESME_ROK): message parts.</summary>
    public long PartsAccepted => Interlocked.Read(ref _partsAccepted);

    /// <summary>submit_sm PDUs answered with ESME_RTHROTTLED.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Delivery receipts queued to a bind.</summary>
    public long ReceiptsSent => Interlocked.Read(ref _receiptsSent);

    /// <summary>
    /// When the first submit_sm arrived (since start or <see cref="ResetFirstSubmit"/>), as a
    /// <see cref="TimeProvider.GetTimestamp"/> of the simulator's clock: compare with
    /// <see cref="TimeProvider.GetElapsedTime(long, long)"/>. Null until one arrives. Benchmarks time the first send by it.
    /// </summary>
    public long? FirstSubmitTimestamp => Interlocked.Read(ref _firstSubmitTimestamp) is var t and not 0 ? t : null;

    /// <summary>Forgets <see cref="FirstSubmitTimestamp"/>, so the next submit_sm sets it (a measured run after a warm-up).</summary>
    public void ResetFirstSubmit() => Interlocked.Exchange(ref _firstSubmitTimestamp, 0);

    /// <summary>Successful binds since start.</summary>
    public long Binds => Interlocked.Read(ref _binds);

    /// <summary>enquire_link PDUs received.</summary>
    public long EnquireLinks => Interlocked.Read(ref _enquireLinks);

    /// <summary>submit_sm received by each open connection, to see how a client spreads its load.</summary>
    public IReadOnlyList<long> SubmitsPerConnection => [.. _connections.Keys.Select(c => c.Submits)];

    /// <summary>Connections currently open.</summary>
    public int Connections => _connections.Count;

    /// <summary>Assembled messages, in completion order (only with <see cref="SmscSimulatorOptions.RecordMessages"/>).</summary>
    public IReadOnlyList<SimulatedMessage> ReceivedMessages => [.. _messages];

    /// <summary>
    /// What the receipts sent for a recorded message said, as a handset would see it: true when every part's receipt
    /// said DELIVRD, false when one said UNDELIV, null while some part has had no receipt sent (or receipts are off).
    /// Only with <see cref="SmscSimulatorOptions.RecordMessages"/>; the demo compares it with the hub's own count.
    /// </summary>
    public bool? ReceiptOutcomeOf(SimulatedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var all = true;
        foreach (var id in message.MessageIds)
        {
            if (!_receiptOutcomes.TryGetValue(id, out var delivered))
            {
                return null;
            }

            all &= delivered;
        }

        return all;
    }

    /// <summary>While true, submit_sm are read but never answered (to test response timeouts and lost answers).</summary>
    public bool SwallowSubmits { get; set; }

    /// <summary>While true, submit_sm_resp are kept back (receipts are not) until <see cref="ReleaseHeldResponses"/>.</summary>
    public bool HoldResponses { get; set; }

    /// <summary>Sends every submit_sm_resp kept back while <see cref="HoldResponses"/> was on.</summary>
    public void ReleaseHeldResponses()
    {
        while (_held.TryDequeue(out var held))
        {
            held.Connection.Enqueue(held.Pdu);
        }
    }

    internal TimeProvider Time { get; }

    internal ILoggerFactory LoggerFactory { get; }

    internal ILogger Logger { get; }

    /// <summary>Binds to 127.0.0.1 and starts accepting.</summary>
    public void Start()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, Options.Port));
        _listener.Listen(128);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>
    /// A handset's reply: sends <paramref name="text"/> from <paramref name="from"/> as a mobile-originated deliver_sm
    /// (esm_class 0, UCS-2) on a bind that can receive. False when no bind can.
    /// </summary>
    public bool SendMobileOriginated(string from, string to, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var route = _connections.Keys.FirstOrDefault(c => c.CanReceive);
        if (route is null) return false;
        route.SendMobileOriginated(from, to, text);
        return true;
    }

    /// <summary>Answer every submit_sm to <paramref name="destination"/> with <paramref name="commandStatus"/>.</summary>
    public void RejectDestination(string destination, uint commandStatus) => _rejectedDestinations[destination] = commandStatus;

    /// <summary>Drops every open connection at once, without unbind (a network failure as the ESME sees it).</summary>
    public void DropConnections()
    {
        foreach (var connection in _connections.Keys)
        {
            connection.Abort();
        }
    }

    /// <summary>Stops listening and drops every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        foreach (var connection in _connections.Keys)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _rateLimiter?.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var connection = new SimulatedEsme(socket, this);
            _connections[connection] = 0;
            connection.Start();
        }
    }

    internal void Forget(SimulatedEsme connection) => _connections.TryRemove(connection, out _);

    internal void CountSubmit()
    {
        Interlocked.Increment(ref _submits);

        // Read before the compare-exchange: once the stamp is set, a submit costs no clock reading.
        if (Interlocked.Read(ref _firstSubmitTimestamp) == 0)
        {
            Interlocked.CompareExchange(ref _firstSubmitTimestamp, Time.GetTimestamp(), 0);
        }
    }

    internal void CountBind() => Interlocked.Increment(ref _binds);

    internal void CountEnquireLink() => Interlocked.Increment(ref _enquireLinks);

    internal bool TryTakeRateSlot()
    {
        if (_rateLimiter is null || _rateLimiter.TryAcquire(out _))
        {
            return true;
        }

        Interlocked.Increment(ref _throttled);
        return false;
    }

    internal string NextMessageId(out long numeric)
    {
        Interlocked.Increment(ref _partsAccepted);
        numeric = Interlocked.Increment(ref _nextMessageId);
        return numeric.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
    }

    internal uint? RejectionFor(ReadOnlySpan<byte> destination)
    {
        if (_rejectedDestinations.IsEmpty)
        {
            return null;
        }

        var text = System.Text.Encoding.ASCII.GetString(destination);
        return _rejectedDestinations.TryGetValue(text, out var status) ? status : null;
    }

    internal bool NextReceiptDelivered()
    {
        if (Options.ReceiptFailureRate <= 0)
        {
            return true;
        }

        lock (_randomLock)
        {
#pragma warning disable CA5394 // see the constructor: seeded simulation randomness
            return _random.NextDouble() >= Options.ReceiptFailureRate;
#pragma warning restore CA5394
        }
    }

    internal void Record(SimulatedMessage message) => _messages.Enqueue(message);

    internal void Hold(SimulatedEsme connection, OutboundPdu pdu) => _held.Enqueue((connection, pdu));

    /// <summary>Receipts go back on the bind the message came from if it can receive, else on any transceiver.</summary>
    internal SimulatedEsme? ReceiptRoute(SimulatedEsme origin)
    {
        if (origin.CanReceive)
        {
            return origin;
        }

        return _connections.Keys.FirstOrDefault(c => c.CanReceive);
    }

    internal void CountReceipt(string messageId, bool delivered)
    {
        Interlocked.Increment(ref _receiptsSent);
        if (Options.RecordMessages)
        {
            _receiptOutcomes[messageId] = delivered;
        }
    }
}
