using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Sgip.Protocol;
using WarningHub.Channels.Sms.Sgip.Transport;

namespace WarningHub.Simulators.Sgip;

/// <summary>
/// The simulated SMG's own connection to the SP's listening port: it binds with login type 2 when it has something to
/// send, sends Reports and Delivers, and keeps each until its _Resp arrives; whatever a lost link left unanswered goes
/// again on the next connection, as a real SMG retries.
/// </summary>
internal sealed class SmgToSpLink : ISgipHandler, IAsyncDisposable
{
    private readonly SmgSimulator _smg;
    private readonly Channel<ISgipBody> _queue = Channel.CreateUnbounded<ISgipBody>();
    private readonly ConcurrentDictionary<SgipSequence, byte[]> _unanswered = new();
    private FrameConnection? _connection;
    private TaskCompletionSource<byte> _bindAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;
    private long _reportsAnswered;
    private long _deliversAnswered;
    private long _binds;
    private long _refusals;
    private int _outstanding;

    public SmgToSpLink(SmgSimulator smg)
    {
        _smg = smg;
    }

    public long ReportsAnswered => Interlocked.Read(ref _reportsAnswered);

    public long DeliversAnswered => Interlocked.Read(ref _deliversAnswered);

    public long Binds => Interlocked.Read(ref _binds);

    public long Refusals => Interlocked.Read(ref _refusals);

    public int Outstanding => Volatile.Read(ref _outstanding);

    public void Start() => _loop = Task.Run(RunAsync);

    public void Enqueue(ISgipBody body)
    {
        Interlocked.Increment(ref _outstanding);
        _queue.Writer.TryWrite(body);
    }

    public void OnPdu(in SgipHeader header, ReadOnlySpan<byte> body)
    {
        switch (header.Command)
        {
            case SgipCommand.BindResp:
                _bindAnswer.TrySetResult(ResultPdu.Read(header.Command, body).Result);
                break;
            case SgipCommand.ReportResp when _unanswered.TryRemove(header.Sequence, out _):
                Interlocked.Increment(ref _reportsAnswered);
                Interlocked.Decrement(ref _outstanding);
                break;
            case SgipCommand.DeliverResp when _unanswered.TryRemove(header.Sequence, out _):
                Interlocked.Increment(ref _deliversAnswered);
                Interlocked.Decrement(ref _outstanding);
                break;
            case SgipCommand.Unbind:
                _connection?.TryEnqueue(SgipFrame.HeaderOnly(SgipCommand.UnbindResp, header.Sequence));
                _connection?.CloseAfterFlush();
                break;
            default:
                _smg.Logger.LogDebug("SMG simulator (link to the SP): ignored {Command}.", header.Command);
                break;
        }
    }

    public void OnClosed(Exception? error) => _bindAnswer.TrySetResult(byte.MaxValue);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while connecting or waiting.
        }

        if (_connection is { } connection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task RunAsync()
    {
        var stopping = _smg.Stopping;
        while (!stopping.IsCancellationRequested)
        {
            var connection = _connection;
            if (connection is null || connection.IsClosed)
            {
                if (_queue.Reader.Count == 0 && _unanswered.IsEmpty)
                {
                    if (!await _queue.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
                    {
                        return;
                    }
                }

                connection = await ConnectAsync(stopping).ConfigureAwait(false);
                if (connection is null)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50), _smg.Time, stopping).ConfigureAwait(false);
                    continue;
                }

                foreach (var frame in _unanswered.Values)
                {
                    connection.TryEnqueue(frame);
                }
            }

            while (_queue.Reader.TryRead(out var body))
            {
                var sequence = _smg.Sequencer.Next();
                var frame = SgipFrame.Build(body, sequence);
                _unanswered[sequence] = frame;
                connection.TryEnqueue(frame);
            }

            var more = _queue.Reader.WaitToReadAsync(stopping).AsTask();
            if (await Task.WhenAny(more, connection.Completion).ConfigureAwait(false) == more && !await more.ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>Connects to the SP's listening port and binds with login type 2; null when that fails for now.</summary>
    private async Task<FrameConnection?> ConnectAsync(CancellationToken stopping)
    {
        var port = _smg.Options.SpListenPort;
        if (port == 0)
        {
            return null;
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), stopping).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }

        if (_connection is { } old)
        {
            await old.DisposeAsync().ConfigureAwait(false);
        }

        _bindAnswer = new TaskCompletionSource<byte>(TaskCreationOptions.RunContinuationsAsynchronously);
        var connection = new FrameConnection(socket, SgipHeader.Layout, this, _smg.Time, _smg.Logger, "smg-to-sp");
        _connection = connection;
        connection.Start();
        var options = _smg.Options;
        var name = options.SmgLoginName.Length > 0 ? options.SmgLoginName : options.LoginName;
        var password = options.SmgLoginPassword.Length > 0 ? options.SmgLoginPassword : options.LoginPassword;
        connection.TryEnqueue(SgipFrame.Build(new BindPdu(BindPdu.SmgToSp, name, password), _smg.Sequencer.Next()));
        byte result;
        try
        {
            result = await _bindAnswer.Task.WaitAsync(TimeSpan.FromSeconds(5), _smg.Time, stopping).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            result = byte.MaxValue;
        }

        if (result != 0)
        {
            Interlocked.Increment(ref _refusals);
            _smg.Logger.LogWarning("SMG simulator: the SP refused our Bind (Result {Result}).", result);
            connection.Abort();
            return null;
        }

        Interlocked.Increment(ref _binds);
        return connection;
    }
}
