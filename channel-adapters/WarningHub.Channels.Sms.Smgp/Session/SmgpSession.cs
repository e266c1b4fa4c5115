using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Smgp.Protocol;
using WarningHub.Channels.Sms.Smgp.Transport;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Smgp.Session;

/// <summary>
/// One connection to the SMGW: its SequenceIDs, the requests awaiting answers and the window that bounds Submits.
/// Login and Exit are in SmgpSession.Login.cs, Submit in SmgpSession.Submit.cs, the resend rule and Active_Test in
/// SmgpSession.KeepAlive.cs, Deliver in SmgpSession.Deliver.cs.
/// </summary>
internal sealed partial class SmgpSession : ISmgpHandler, ICarrierSession
{
    private readonly FrameConnection _connection;
    private readonly SmgpOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<DeliverPdu> _onDeliver;
    private readonly PendingTable<uint, SmgpAnswer> _pending;
    private readonly SemaphoreSlim _window;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sequence;
    private volatile SessionState _state = SessionState.Open;

    public SmgpSession(Socket socket, string name, SmgpOptions options, TimeProvider time, ILogger logger, Action<DeliverPdu> onDeliver)
    {
        Name = name;
        _options = options;
        _time = time;
        _logger = logger;
        _onDeliver = onDeliver;
        _window = new SemaphoreSlim(options.Window, options.Window);
        _pending = new PendingTable<uint, SmgpAnswer>(time);
        _connection = new FrameConnection(socket, SmgpHeader.Layout, this, time, logger, name);
    }

    private enum SessionState
    {
        Open,
        Connected,
        Terminating,
        Closed,
    }

    public string Name { get; }

    public bool IsConnected => _state == SessionState.Connected;

    /// <inheritdoc />
    public bool IsReady => IsConnected;

    public int FreeWindow => _window.CurrentCount;

    /// <summary>Completes when the connection is gone, whatever the reason.</summary>
    public Task Closed => _closed.Task;

    public void OnPdu(in SmgpHeader header, ReadOnlySpan<byte> body)
    {
        if (header.Command.IsResponse())
        {
            OnResponse(header, body);
            return;
        }

        switch (header.Command)
        {
            case SmgpCommand.Deliver:
                OnDeliver(header, body);
                break;
            case SmgpCommand.ActiveTest:
                _connection.TryEnqueue(SmgpFrame.HeaderOnly(SmgpCommand.ActiveTestResp, header.Sequence));
                break;
            case SmgpCommand.Exit:
                _logger.LogInformation("SMGP {Bind}: the SMGW terminates the connection.", Name);
                _state = SessionState.Closed;
                _connection.TryEnqueue(SmgpFrame.HeaderOnly(SmgpCommand.ExitResp, header.Sequence));
                _connection.CloseAfterFlush();
                break;
            default:
                _logger.LogDebug("SMGP {Bind}: ignored command 0x{Command:X8}.", Name, (uint)header.Command);
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
            _logger.LogWarning("SMGP {Bind}: connection lost ({Reason}); {Orphans} request(s) without an answer.", Name, error.Message, orphans);
        }

        _closed.TrySetResult();
    }

    public void Abort(Exception? reason = null) => _connection.Abort(reason);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _housekeeping?.Dispose();
    }

    private void OnResponse(in SmgpHeader header, ReadOnlySpan<byte> body)
    {
        var pending = _pending.Take(header.Sequence);
        if (pending is null || header.Command != ((SmgpCommand)pending.Command).ResponseOf())
        {
            _logger.LogDebug("SMGP {Bind}: {Command} #{Sequence} matches no request (late, or answered twice after a resend).", Name, header.Command, header.Sequence);
            return;
        }

        try
        {
            pending.Complete(header.Command switch
            {
                SmgpCommand.LoginResp => LoginAnswer(body),
                SmgpCommand.SubmitResp => SubmitAnswer(body),
                _ => new SmgpAnswer(0, default),
            });
        }
        catch (PduFormatException ex)
        {
            _logger.LogWarning("SMGP {Bind}: unreadable {Command} #{Sequence}: {Reason}", Name, header.Command, header.Sequence, ex.Message);
            pending.Complete(SmgpAnswer.Failed(ResponseFailure.Malformed));
        }
    }

    private static SmgpAnswer LoginAnswer(ReadOnlySpan<byte> body)
    {
        var response = LoginResponsePdu.Read(body);
        return new SmgpAnswer(response.Status, default, response);
    }

    private static SmgpAnswer SubmitAnswer(ReadOnlySpan<byte> body)
    {
        var response = MsgIdStatusPdu.Read(SmgpCommand.SubmitResp, body);
        return new SmgpAnswer(response.Status, response.MsgId);
    }

    /// <summary>Registers a request under a fresh SequenceID and queues it.</summary>
    private PendingRequest<uint, SmgpAnswer> Send(ISmgpBody body)
    {
        var sequence = (uint)Interlocked.Increment(ref _sequence);
        if (sequence == 0)
        {
            sequence = (uint)Interlocked.Increment(ref _sequence);
        }

        return _pending.Send((uint)body.Command, sequence, SmgpFrame.Build(body, sequence), _connection, _state != SessionState.Closed);
    }
}
