using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Sgip.Protocol;
using WarningHub.Channels.Sms.Sgip.Transport;

namespace WarningHub.Channels.Sms.Sgip.Session;

/// <summary>
/// One SGIP connection, either way round: the SP's connection to the SMG (it sends Bind type 1, then Submits within
/// the window) or the SMG's connection to the SP (it sends Bind type 2, then Deliver and Report). Bind and Unbind are
/// in SgipSession.Login.cs, Submit in SgipSession.Submit.cs, Deliver and Report in SgipSession.Incoming.cs, timeouts
/// and the idle rule in SgipSession.KeepAlive.cs.
/// </summary>
internal sealed partial class SgipSession : ISgipHandler, ICarrierSession
{
    private readonly FrameConnection _connection;
    private readonly SgipOptions _options;
    private readonly SgipSequencer _sequencer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SessionRole _role;
    private readonly PendingTable<SgipSequence, SgipAnswer> _pending;
    private readonly SemaphoreSlim _window;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile SessionState _state = SessionState.Open;

    public SgipSession(Socket socket, string name, SessionRole role, SgipOptions options, SgipSequencer sequencer, TimeProvider time, ILogger logger, IncomingHandlers incoming)
    {
        Name = name;
        _role = role;
        _options = options;
        _sequencer = sequencer;
        _time = time;
        _logger = logger;
        _incoming = incoming;
        _window = new SemaphoreSlim(options.Window, options.Window);
        _pending = new PendingTable<SgipSequence, SgipAnswer>(time);
        _connection = new FrameConnection(socket, SgipHeader.Layout, this, time, logger, name);
    }

    /// <summary>Which end of the link this session is.</summary>
    public enum SessionRole
    {
        /// <summary>The SP's connection to the SMG, for Submits.</summary>
        ToSmg,

        /// <summary>The SMG's connection to the SP, for Deliver and Report.</summary>
        FromSmg,
    }

    private enum SessionState
    {
        Open,
        Bound,
        Unbinding,
        Closed,
    }

    public string Name { get; }

    public bool IsBound => _state == SessionState.Bound;

    /// <inheritdoc />
    public bool IsReady => IsBound;

    public int FreeWindow => _window.CurrentCount;

    /// <summary>True when the link was closed because it sat idle, so the gateway binds again at once.</summary>
    public bool ClosedForIdle { get; private set; }

    /// <summary>Completes when the connection is gone, whatever the reason.</summary>
    public Task Closed => _closed.Task;

    public void OnPdu(in SgipHeader header, ReadOnlySpan<byte> body)
    {
        if (header.Command.IsResponse())
        {
            OnResponse(header, body);
            return;
        }

        switch (header.Command)
        {
            case SgipCommand.Bind:
                OnBind(header, body);
                break;
            case SgipCommand.Deliver:
                OnDeliver(header, body);
                break;
            case SgipCommand.Report:
                OnReport(header, body);
                break;
            case SgipCommand.Unbind:
                _logger.LogInformation("SGIP {Bind}: the SMG unbinds.", Name);
                _state = SessionState.Closed;
                _connection.TryEnqueue(SgipFrame.HeaderOnly(SgipCommand.UnbindResp, header.Sequence));
                _connection.CloseAfterFlush();
                break;
            default:
                _logger.LogDebug("SGIP {Bind}: ignored command 0x{Command:X8}.", Name, (uint)header.Command);
                break;
        }
    }

    public void OnClosed(Exception? error)
    {
        _state = SessionState.Closed;
        _housekeeping?.Dispose();

        // The writer has ended, so "written" is final: queued requests never left, written ones may have.
        var orphans = _pending.FailAll();
        if (error is not null)
        {
            _logger.LogWarning("SGIP {Bind}: connection lost ({Reason}); {Orphans} request(s) without an answer.", Name, error.Message, orphans);
        }

        _closed.TrySetResult();
    }

    public void Abort(Exception? reason = null) => _connection.Abort(reason);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _housekeeping?.Dispose();
    }

    private void OnResponse(in SgipHeader header, ReadOnlySpan<byte> body)
    {
        var pending = _pending.Take(header.Sequence);
        if (pending is null || header.Command != ((SgipCommand)pending.Command).ResponseOf())
        {
            _logger.LogDebug("SGIP {Bind}: {Command} {Sequence} matches no request (late, or answered twice after a resend).", Name, header.Command, header.Sequence);
            return;
        }

        if (header.Command == SgipCommand.UnbindResp)
        {
            pending.Complete(new SgipAnswer(0));
            return;
        }

        try
        {
            pending.Complete(new SgipAnswer(ResultPdu.Read(header.Command, body).Result));
        }
        catch (PduFormatException ex)
        {
            _logger.LogWarning("SGIP {Bind}: unreadable {Command} {Sequence}: {Reason}", Name, header.Command, header.Sequence, ex.Message);
            pending.Complete(SgipAnswer.Failed(ResponseFailure.Malformed));
        }
    }

    /// <summary>Registers a request under a fresh Sequence Number and queues it.</summary>
    private PendingRequest<SgipSequence, SgipAnswer> Send(ISgipBody body, out SgipSequence sequence)
    {
        sequence = _sequencer.Next();
        return _pending.Send((uint)body.Command, sequence, SgipFrame.Build(body, sequence), _connection, _state != SessionState.Closed);
    }
}
