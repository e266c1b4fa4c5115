using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace WarningHub.Channels.Sms.Smpp.Transport;

/// <summary>
/// One TCP connection carrying SMPP PDUs, used by both ends (the adapter's sessions and the SMSC simulator).
/// A reader loop frames PDUs out of large receive buffers and hands them to an <see cref="IPduHandler"/>; a writer
/// loop drains a queue and sends every PDU waiting at that moment in one syscall, which is what makes tens of
/// thousands of PDUs per second cheap.
/// </summary>
internal sealed partial class PduConnection : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly Socket _socket;
    private readonly IPduHandler _handler;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<OutboundPdu> _outbound = Channel.CreateUnbounded<OutboundPdu>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });

    private readonly CancellationTokenSource _abort = new();
    private Task _run = Task.CompletedTask;
    private Exception? _error;
    private long _lastReceivedAt;
    private int _closed;
    private bool _flushBeforeClose;

    public PduConnection(Socket socket, IPduHandler handler, TimeProvider time, ILogger logger, string name)
    {
        _socket = socket;
        _socket.NoDelay = true; // small PDUs must not wait for Nagle: it caps a bind at a few hundred round trips per second
        _handler = handler;
        _time = time;
        _logger = logger;
        Name = name;
        _lastReceivedAt = time.GetTimestamp();
    }

    /// <summary>For logs: which bind or which simulated client.</summary>
    public string Name { get; }

    /// <summary>Completes after both loops ended and the handler heard <see cref="IPduHandler.OnClosed"/>.</summary>
    public Task Completion => _run;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>TimeProvider timestamp of the last received octets, for enquire_link on idle.</summary>
    public long LastReceivedAt => Volatile.Read(ref _lastReceivedAt);

    public void Start() => _run = RunAsync();

    /// <summary>Queues a PDU; false once the connection is closing.</summary>
    public bool TryEnqueue(in OutboundPdu pdu) => _outbound.Writer.TryWrite(pdu);

    /// <summary>Sends everything already queued, then closes (after unbind / unbind_resp).</summary>
    public void CloseAfterFlush() => _outbound.Writer.TryComplete();

    /// <summary>Closes at once; queued PDUs are not sent.</summary>
    public void Abort(Exception? reason = null)
    {
        if (reason is not null)
        {
            Interlocked.CompareExchange(ref _error, reason, null);
        }

        _outbound.Writer.TryComplete();
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already torn down.
        }

        _socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        Abort();
        await _run.ConfigureAwait(false);
        _abort.Dispose();
    }

    private async Task RunAsync()
    {
        var reader = Task.Run(ReadLoopAsync);
        var writer = Task.Run(WriteLoopAsync);
        var first = await Task.WhenAny(reader, writer).ConfigureAwait(false);
        if (first == reader && Volatile.Read(ref _flushBeforeClose))
        {
            // The reader queued a generic_nack for a broken PDU: give it a moment to leave before hanging up.
            await Task.WhenAny(writer, Task.Delay(TimeSpan.FromSeconds(1), _time)).ConfigureAwait(false);
        }

        // Whichever loop ended first, the connection is over: a writer that finished flushing closes it on purpose,
        // a reader that saw EOF or an error means the peer is gone.
        Abort();
        try
        {
            await Task.WhenAll(reader, writer).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A loop that failed unexpectedly must still let the handler fail its waiters, or senders would hang.
            Interlocked.CompareExchange(ref _error, ex, null);
            _logger.LogError(ex, "SMPP connection {Name}: a loop failed.", Name);
        }

        try
        {
            _handler.OnClosed(_error);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "SMPP connection {Name}: the close handler failed.", Name);
        }
    }
}
