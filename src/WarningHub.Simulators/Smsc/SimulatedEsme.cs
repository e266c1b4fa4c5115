using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Transport;

namespace WarningHub.Simulators.Smsc;

/// <summary>The simulator's side of one client connection: binding, submits, receipts, enquire_link, unbind.</summary>
internal sealed class SimulatedEsme : IPduHandler, IAsyncDisposable
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private readonly SmscSimulator _smsc;
    private readonly PduConnection _connection;
    private volatile bool _bound;
    private volatile bool _canReceive;
    private int _sequence;
    private long _submits;
    private long _dateMinute = -1;
    private string _date = string.Empty;

    public SimulatedEsme(Socket socket, SmscSimulator smsc)
    {
        _smsc = smsc;
        _connection = new PduConnection(socket, this, smsc.Time, smsc.Logger, "smsc<-" + socket.RemoteEndPoint);
    }

    /// <summary>Bound as transceiver (or receiver): receipts may be sent here.</summary>
    public bool CanReceive => _canReceive && !_connection.IsClosed;

    /// <summary>submit_sm received on this connection.</summary>
    public long Submits => Interlocked.Read(ref _submits);

    public void Start() => _connection.Start();

    public void Abort() => _connection.Abort();

    public void Enqueue(in OutboundPdu pdu) => _connection.TryEnqueue(pdu);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    public void OnClosed(Exception? error) => _smsc.Forget(this);

    public void OnPdu(in PduHeader header, ReadOnlySpan<byte> body)
    {
        try
        {
            switch (header.CommandId)
            {
                case CommandId.BindTransceiver or CommandId.BindTransmitter or CommandId.BindReceiver:
                    OnBind(header, body);
                    break;
                case CommandId.SubmitSm:
                    OnSubmit(header, body);
                    break;
                case CommandId.EnquireLink:
                    _smsc.CountEnquireLink();
                    _connection.TryEnqueue(OutboundPdu.HeaderOnly(CommandId.EnquireLinkResp, header.Sequence));
                    break;
                case CommandId.Unbind:
                    _bound = _canReceive = false;
                    _connection.TryEnqueue(OutboundPdu.HeaderOnly(CommandId.UnbindResp, header.Sequence));
                    _connection.CloseAfterFlush();
                    break;
                case CommandId.DeliverSmResp or CommandId.GenericNack or CommandId.EnquireLinkResp or CommandId.UnbindResp:
                    break;
                default:
                    _connection.TryEnqueue(OutboundPdu.HeaderOnly(CommandId.GenericNack, header.Sequence, CommandStatus.InvalidCommandId));
                    break;
            }
        }
        catch (SmppPduException ex)
        {
            _smsc.Logger.LogWarning("SMSC simulator: malformed {Command}: {Reason}", header.CommandId, ex.Message);
            _connection.TryEnqueue(OutboundPdu.HeaderOnly(CommandId.GenericNack, header.Sequence, ex.Status));
        }
    }

    private void OnBind(in PduHeader header, ReadOnlySpan<byte> body)
    {
        var bind = BindBody.Decode(body);
        var status = _bound ? CommandStatus.AlreadyBound
            : bind.SystemId != _smsc.Options.SystemId ? CommandStatus.InvalidSystemId
            : bind.Password != _smsc.Options.Password ? CommandStatus.InvalidPassword
            : CommandStatus.Ok;
        if (status == CommandStatus.Ok)
        {
            _bound = true;
            _canReceive = header.CommandId != CommandId.BindTransmitter;
            _smsc.CountBind();
        }

        _connection.TryEnqueue(OutboundPdu.Response(header.CommandId.ResponseOf(), header.Sequence, status, new BindResponseBody("SIMSMSC")));
    }

    private void OnSubmit(in PduHeader header, ReadOnlySpan<byte> body)
    {
        _smsc.CountSubmit();
        Interlocked.Increment(ref _submits);
        if (!_bound)
        {
            Respond(header.Sequence, CommandStatus.IncorrectBindStatus, null);
            return;
        }

        var view = ShortMessageView.Parse(body);
        if (_smsc.SwallowSubmits)
        {
            return;
        }

        if (_smsc.RejectionFor(view.DestinationAddress) is { } rejection)
        {
            Respond(header.Sequence, rejection, null);
            return;
        }

        if (!_smsc.TryTakeRateSlot())
        {
            Respond(header.Sequence, CommandStatus.Throttled, null);
            return;
        }

        var messageId = _smsc.NextMessageId(out var numericId);
        if (_smsc.Options.RecordMessages && _smsc.Assembler.Add(view, messageId) is { } message)
        {
            _smsc.Record(message);
        }

        var wantsReceipt = _smsc.Options.SendReceipts && (view.RegisteredDelivery & 0x03) != 0;
        SimulatedReceipt? receipt = null;
        var delivered = false;
        if (wantsReceipt)
        {
            var idInText = _smsc.Options.ReceiptIdsInDecimal ? numericId.ToString(CultureInfo.InvariantCulture) : messageId;
            delivered = _smsc.NextReceiptDelivered();
            receipt = new SimulatedReceipt(
                _smsc.Options.ReceiptIdsInDecimal ? idInText : messageId,
                idInText,
                PduReader.Ascii(view.DestinationAddress),
                PduReader.Ascii(view.SourceAddress),
                delivered,
                CurrentDate(),
                _smsc.Options.IncludeReceiptedMessageIdTlv);
        }

        // A held response goes nowhere until released, so hold it before the receipt leaves: a client that releases
        // held responses on seeing the receipt must find this one held, not release too early and wait forever.
        var held = _smsc.HoldResponses;
        if (held)
        {
            Respond(header.Sequence, CommandStatus.Ok, messageId);
        }

        if (receipt is not null && _smsc.Options.ReceiptBeforeResponse)
        {
            SendReceipt(receipt, messageId, delivered, TimeSpan.Zero);
            receipt = null;
        }

        if (!held)
        {
            Respond(header.Sequence, CommandStatus.Ok, messageId);
        }

        if (receipt is not null)
        {
            SendReceipt(receipt, messageId, delivered, _smsc.Options.Latency + _smsc.Options.ReceiptDelay);
        }
    }

    private void Respond(uint sequence, uint status, string? messageId)
    {
        var response = OutboundPdu.MessageIdResponse(CommandId.SubmitSmResp, sequence, status, messageId);
        if (_smsc.HoldResponses)
        {
            _smsc.Hold(this, response);
            return;
        }

        Later(this, response, _smsc.Options.Latency);
    }

    private void SendReceipt(SimulatedReceipt receipt, string messageId, bool delivered, TimeSpan delay)
    {
        var route = _smsc.ReceiptRoute(this);
        if (route is null)
        {
            return;
        }

        _smsc.CountReceipt(messageId, delivered);
        Later(route, OutboundPdu.Request(CommandId.DeliverSm, route.NextSequence(), receipt, null), delay);
    }

    /// <summary>A handset's text to the ESME: a deliver_sm with esm_class 0 (not a receipt), UCS-2.</summary>
    public void SendMobileOriginated(string from, string to, string text)
    {
        var body = new ShortMessagePdu
        {
            SourceTon = 1,
            SourceNpi = 1,
            SourceAddress = from,
            DestinationAddress = to,
            EsmClass = 0,
            DataCoding = 0x08,
            ShortMessage = System.Text.Encoding.BigEndianUnicode.GetBytes(text),
        };
        _connection.TryEnqueue(OutboundPdu.Request(CommandId.DeliverSm, NextSequence(), body, null));
    }

    private void Later(SimulatedEsme target, OutboundPdu pdu, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            target._connection.TryEnqueue(pdu);
            return;
        }

        _ = SendDelayedAsync(target, pdu, delay);
    }

    private async Task SendDelayedAsync(SimulatedEsme target, OutboundPdu pdu, TimeSpan delay)
    {
        await Task.Delay(delay, _smsc.Time).ConfigureAwait(false);
        target._connection.TryEnqueue(pdu);
    }

    private uint NextSequence() => (uint)(Interlocked.Increment(ref _sequence) & 0x7FFFFFFF);

    /// <summary>YYMMDDhhmm in Beijing time, cached per minute: the receipt text is written at 30,000+ per second.</summary>
    private string CurrentDate()
    {
        var now = _smsc.Time.GetUtcNow();
        var minute = now.Ticks / TimeSpan.TicksPerMinute;
        if (minute != Volatile.Read(ref _dateMinute))
        {
            _date = now.ToOffset(Beijing).ToString("yyMMddHHmm", CultureInfo.InvariantCulture);
            Volatile.Write(ref _dateMinute, minute);
        }

        return _date;
    }
}
