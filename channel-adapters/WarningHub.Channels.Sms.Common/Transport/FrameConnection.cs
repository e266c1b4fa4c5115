using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace WarningHub.Channels.Sms.Common.Transport;

/// <summary>
/// One TCP connection carrying length-prefixed PDUs (CMPP, SGIP, SMGP), used by both ends (the adapters' sessions and
/// the simulators). A reader loop frames PDUs by their leading length and hands them to an <see cref="IFrameHandler"/>;
/// a writer loop drains a queue and sends every frame waiting at that moment in one syscall. Reading is in
/// FrameConnection.Read.cs.
/// </summary>
internal sealed partial class FrameConnection : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly Socket _socket;
    private readonly IFrameHandler _handler;
    private readonly FrameLayout _layout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<(byte[] Frame, IWriteGate? Pending)> _outbound =
        Channel.CreateUnbounded<(byte[], IWriteGate?)>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly CancellationTokenSource _abort = new();
    private Task _run = Task.CompletedTask;
    private Exception? _error;
    private long _lastReceivedAt;
    private int _closed;

    public FrameConnection(Socket socket, FrameLayout layout, IFrameHandler handler, TimeProvider time, ILogger logger, string name)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(layout.MaxLength, BufferSize);
        _layout = layout;
        _socket = socket;
        _socket.NoDelay = true; // small PDUs must not wait for Nagle
        _handler = handler;
        _time = time;
        _logger = logger;
        Name = name;
        _lastReceivedAt = time.GetTimestamp();
    }

    public string Name { get; }

    public Task Completion => _run;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>TimeProvider timestamp of the last received octets: a keep-alive goes out when this gets old.</summary>
    public long LastReceivedAt => Volatile.Read(ref _lastReceivedAt);

    public void Start() => _run = RunAsync();

    /// <summary>Queues a frame; false once the connection is closing.</summary>
    public bool TryEnqueue(byte[] frame, IWriteGate? pending = null) => _outbound.Writer.TryWrite((frame, pending));

    /// <summary>Sends everything queued, then closes (after the answer to the peer's logout).</summary>
    public void CloseAfterFlush() => _outbound.Writer.TryComplete();

    /// <summary>Closes at once; queued frames are not sent.</summary>
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
        await Task.WhenAny(reader, writer).ConfigureAwait(false);
        Abort(); // either loop ending ends the connection: a flushed close, EOF, or an error
        try
        {
            await Task.WhenAll(reader, writer).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Interlocked.CompareExchange(ref _error, ex, null);
            _logger.LogError(ex, "{Protocol} connection {Name}: a loop failed.", _layout.Protocol, Name);
        }

        try
        {
            _handler.OnClosed(_error);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "{Protocol} connection {Name}: the close handler failed.", _layout.Protocol, Name);
        }
    }

    private async Task WriteLoopAsync()
    {
        var buffer = new byte[BufferSize];
        var queue = _outbound.Reader;
        try
        {
            while (await queue.WaitToReadAsync(_abort.Token).ConfigureAwait(false))
            {
                var used = 0;
                while (queue.TryPeek(out var next) && (used == 0 || next.Frame.Length <= buffer.Length - used))
                {
                    queue.TryRead(out next);
                    if (next.Pending is { } pending && !pending.TryMarkWritten(_time.GetTimestamp()))
                    {
                        continue; // it expired while queued and was reported as never sent: keep that true
                    }

                    if (next.Frame.Length > buffer.Length)
                    {
                        buffer = new byte[next.Frame.Length];
                    }

                    next.Frame.CopyTo(buffer, used);
                    used += next.Frame.Length;
                }

                var data = buffer.AsMemory(0, used);
                while (!data.IsEmpty)
                {
                    data = data[await _socket.SendAsync(data, SocketFlags.None, _abort.Token).ConfigureAwait(false)..];
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            if (!IsClosed)
            {
                Interlocked.CompareExchange(ref _error, ex, null);
            }
        }
    }
}
