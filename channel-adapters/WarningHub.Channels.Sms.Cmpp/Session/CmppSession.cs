using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Cmpp.Protocol;
using WarningHub.Channels.Sms.Cmpp.Transport;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Cmpp.Session;

/// <summary>
/// One connection to the ISMG: its Sequence_Ids, the requests awaiting answers and the window that bounds SUBMITs.
/// CONNECT and TERMINATE are in CmppSession.Login.cs, SUBMIT in CmppSession.Submit.cs, the resend rule and
/// ACTIVE_TEST in CmppSession.KeepAlive.cs, DELIVER in CmppSession.Deliver.cs.
/// </summary>
internal sealed partial class CmppSession : ICmppHandler, ICarrierSession
{
    private readonly FrameConnection _connection;
    private readonly CmppOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<DeliverPdu> _onDeliver;
    private readonly PendingTable<uint, CmppAnswer> _pending;
    private readonly SemaphoreSlim _window;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sequence;
    private volatile SessionState _state = SessionState.Open;

    public CmppSession(Socket socket, string name, CmppOptions options, TimeProvider time, ILogger logger, Action<DeliverPdu> onDeliver)
    {
        Name = name;
        _options = options;
        Version = CmppVersion.FromMajor(options.Version);
        _time = time;
        _logger = logger;
        _onDeliver = onDeliver;
        _window = new SemaphoreSlim(options.Window, options.Window);
        _pending = new PendingTable<uint, CmppAnswer>(time);
        _connection = new FrameConnection(socket, CmppFraming.Layout, this, time, logger, name);
    }

    private enum SessionState
    {
        Open,
        Connected,
        Terminating,
        Closed,
    }

    public string Name { get; }

    public CmppVersion Version { get; }

    public bool IsConnected => _state == SessionState.Connected;

    /// <inheritdoc />
    public bool IsReady => IsConnected;

    public int FreeWindow => _window.CurrentCount;

    /// <summary>Completes when the connection is gone, whatever the reason.</summary>
    public Task Closed => _closed.Task;

    public void OnPdu(in CmppHeader header, ReadOnlySpan<byte> body)
    {
        if (header.Command.IsResponse())
        {
            OnResponse(header, body);
            return;
        }

        switch (header.Command)
        {
            case CmppCommand.Deliver:
                OnDeliver(header, body);
                break;
            case CmppCommand.ActiveTest:
                _connection.TryEnqueue(CmppFrame.Build(ActiveTestResponsePdu.Instance, header.Sequence, Version));
                break;
            case CmppCommand.Terminate:
                _logger.LogInformation("CMPP {Bind}: the ISMG terminates the connection.", Name);
                _state = SessionState.Closed;
                _connection.TryEnqueue(CmppFrame.HeaderOnly(CmppCommand.TerminateResp, header.Sequence));
                _connection.CloseAfterFlush();
                break;
            default:
                _logger.LogDebug("CMPP {Bind}: ignored command 0x{Command:X8}.", Name, (uint)header.Command);
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
            _logger.LogWarning("CMPP {Bind}: connection lost ({Reason}); {Orphans} request(s) without an answer.", Name, error.Message, orphans);
        }

        _closed.TrySetResult();
    }

    public void Abort(Exception? reason = null) => _connection.Abort(reason);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _housekeeping?.Dispose();
    }

    private void OnResponse(in CmppHeader header, ReadOnlySpan<byte> body)
    {
        var pending = _pending.Take(header.Sequence);
        if (pending is null || header.Command != ((CmppCommand)pending.Command).ResponseOf())
        {
            _logger.LogDebug("CMPP {Bind}: {Command} #{Sequence} matches no request (late, or answered twice after a resend).", Name, header.Command, header.Sequence);
            return;
        }

        try
        {
            pending.Complete(header.Command switch
            {
                CmppCommand.ConnectResp => ConnectAnswer(body),
                CmppCommand.SubmitResp => SubmitAnswer(body),
                _ => new CmppAnswer(0, 0),
            });
        }
        catch (CmppPduException ex)
        {
            _logger.LogWarning("CMPP {Bind}: unreadable {Command} #{Sequence}: {Reason}", Name, header.Command, header.Sequence, ex.Message);
            pending.Complete(CmppAnswer.Failed(ResponseFailure.Malformed));
        }
    }

    private CmppAnswer ConnectAnswer(ReadOnlySpan<byte> body)
    {
        var response = ConnectResponsePdu.Read(body, Version);
        return new CmppAnswer(response.Status, 0, response);
    }

    private CmppAnswer SubmitAnswer(ReadOnlySpan<byte> body)
    {
        var response = MsgIdResultPdu.Read(CmppCommand.SubmitResp, body, Version);
        return new CmppAnswer(response.Result, response.MsgId);
    }

    /// <summary>Registers a request under a fresh Sequence_Id and queues it.</summary>
    private PendingRequest<uint, CmppAnswer> Send(ICmppBody body)
    {
        var sequence = (uint)Interlocked.Increment(ref _sequence);
        if (sequence == 0)
        {
            sequence = (uint)Interlocked.Increment(ref _sequence);
        }

        return _pending.Send((uint)body.Command, sequence, CmppFrame.Build(body, sequence, Version), _connection, _state != SessionState.Closed);
    }
}
