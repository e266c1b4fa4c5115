using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Receipts;
using WarningHub.Channels.Sms.Smpp.Transport;

namespace WarningHub.Channels.Sms.Smpp.Session;

/// <summary>
/// One bind: a TCP connection to the SMSC, its sequence numbers, the requests awaiting responses and the window
/// that bounds them. Sending is in SmppSession.Send.cs, receipts in SmppSession.Receipts.cs, enquire_link and
/// timeouts in SmppSession.KeepAlive.cs, bind and unbind in SmppSession.Bind.cs.
/// </summary>
internal sealed partial class SmppSession : IPduHandler, IAsyncDisposable
{
    private readonly PduConnection _connection;
    private readonly SmppOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DeliveryReceiptReader _receiptReader;
    private readonly Action<Receipt> _publishReceipt;
    private readonly Action<InboundText> _publishInbound;
    private readonly Dictionary<uint, PendingRequest> _pending = [];
    private readonly Lock _pendingLock = new();
    private readonly SemaphoreSlim _window;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sequence;
    private volatile SessionState _state = SessionState.Open;

    public SmppSession(
        Socket socket,
        string name,
        SmppOptions options,
        TimeProvider time,
        ILogger logger,
        DeliveryReceiptReader receiptReader,
        Action<Receipt> publishReceipt,
        Action<InboundText>? publishInbound = null)
    {
        Name = name;
        _options = options;
        _time = time;
        _logger = logger;
        _receiptReader = receiptReader;
        _publishReceipt = publishReceipt;
        _publishInbound = publishInbound ?? (_ => { });
        _window = new SemaphoreSlim(options.Window, options.Window);
        _connection = new PduConnection(socket, this, time, logger, name);
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

    /// <summary>Free places in the window; the gateway prefers binds with room.</summary>
    public int FreeWindow => _window.CurrentCount;

    /// <summary>Completes when the connection is gone, whatever the reason.</summary>
    public Task Closed => _closed.Task;

    public void OnPdu(in PduHeader header, ReadOnlySpan<byte> body)
    {
        if (header.CommandId.IsResponse())
        {
            OnResponse(header, body);
            return;
        }

        switch (header.CommandId)
        {
            case CommandId.DeliverSm:
                OnDeliverSm(header, body);
                break;
            case CommandId.DataSm:
                OnDataSm(header, body);
                break;
            case CommandId.EnquireLink:
                _connection.TryEnqueue(OutboundPdu.HeaderOnly(CommandId.EnquireLinkResp, header.Sequence));
                break;
            case CommandId.Unbind:
                _logger.LogInformation("SMPP {Bind}: the SMSC unbinds.", Name);
                _state = SessionState.Closed;
                _connection.TryEnqueue(OutboundPdu.HeaderOnly(CommandId.UnbindResp, header.Sequence));
                _connection.CloseAfterFlush();
                break;
            case CommandId.AlertNotification:
                break; // has no response; we do not act on it
            default:
                _connection.TryEnqueue(OutboundPdu.HeaderOnly(CommandId.GenericNack, header.Sequence, CommandStatus.InvalidCommandId));
                break;
        }
    }

    public void OnClosed(Exception? error)
    {
        _state = SessionState.Closed;
        _housekeeping?.Dispose();
        List<PendingRequest> orphans;
        lock (_pendingLock)
        {
            orphans = [.. _pending.Values];
            _pending.Clear();
        }

        // The writer loop has ended, so "written" is final here: queued requests never left, written ones may have.
        foreach (var pending in orphans)
        {
            pending.Fail(timedOut: false);
        }

        if (error is not null)
        {
            _logger.LogWarning("SMPP {Bind}: connection lost ({Reason}); {Orphans} request(s) without an answer.", Name, error.Message, orphans.Count);
        }

        _closed.TrySetResult();
    }

    /// <summary>Drops the connection without unbinding.</summary>
    public void Abort(Exception? reason = null) => _connection.Abort(reason);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _housekeeping?.Dispose();

        // The window semaphore is not disposed: submits still unwinding from a dropped connection release it
        // after the session is gone, and a SemaphoreSlim whose wait handle was never used holds nothing to free.
    }

    private void OnResponse(in PduHeader header, ReadOnlySpan<byte> body)
    {
        PendingRequest? pending;
        lock (_pendingLock)
        {
            _pending.Remove(header.Sequence, out pending);
        }

        if (pending is null)
        {
            _logger.LogDebug("SMPP {Bind}: response {Command} #{Sequence} matches no request (late after a timeout?).", Name, header.CommandId, header.Sequence);
            return;
        }

        if (header.CommandId != pending.Command.ResponseOf() && header.CommandId != CommandId.GenericNack)
        {
            _logger.LogWarning("SMPP {Bind}: #{Sequence} answered with {Command}, expected a response to {Request}.", Name, header.Sequence, header.CommandId, pending.Command);
        }

        string? messageId = null;
        if (header.CommandId == CommandId.SubmitSmResp && header.Status == CommandStatus.Ok)
        {
            try
            {
                messageId = MessageIdBody.Decode(body);
            }
            catch (SmppPduException ex)
            {
                _logger.LogWarning("SMPP {Bind}: unreadable submit_sm_resp #{Sequence}: {Reason}", Name, header.Sequence, ex.Message);
                pending.Complete(PduResponse.Failed(ResponseFailure.Malformed));
                return;
            }
        }

        var queryBody = header.CommandId == CommandId.QuerySmResp && header.Status == CommandStatus.Ok ? body.ToArray() : ReadOnlyMemory<byte>.Empty;
        pending.Complete(new PduResponse(header.Status, messageId) { Command = header.CommandId, Body = queryBody });
    }
}
