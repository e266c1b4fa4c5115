using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Receipts;
using WarningHub.Channels.Sms.Smpp.Transport;

namespace WarningHub.Channels.Sms.Smpp.Session;

internal sealed partial class SmppSession
{
    /// <summary>
    /// Every deliver_sm is answered; receipts are published as they come, even before the submit_sm_resp of the
    /// message they report (the engine parks ids it does not know yet). Mobile-originated texts (replies) are
    /// published as inbound texts, on whichever bind they come.
    /// </summary>
    private void OnDeliverSm(in PduHeader header, ReadOnlySpan<byte> body)
    {
        var status = CommandStatus.Ok;
        try
        {
            var view = ShortMessageView.Parse(body);
            if (_receiptReader.TryRead(view, _time.GetUtcNow(), out var receipt))
            {
                _publishReceipt(receipt!);
            }
            else if (MobileOriginatedReader.TryRead(view, _time.GetUtcNow(), out var inbound))
            {
                _publishInbound(inbound!);
            }
            else if (!view.IsDeliveryReceipt)
            {
                _logger.LogInformation("SMPP {Bind}: mobile-originated message from {Sender} in data_coding {Coding} is not a text, ignored.",
                    Name, PersonalData.Phone(PduReader.Ascii(view.SourceAddress)), view.DataCoding);
            }
            else
            {
                _logger.LogDebug("SMPP {Bind}: receipt without message id or not final, ignored.", Name);
            }
        }
        catch (SmppPduException ex)
        {
            _logger.LogWarning("SMPP {Bind}: malformed deliver_sm #{Sequence}: {Reason}", Name, header.Sequence, ex.Message);
            status = ex.Status;
        }

        _connection.TryEnqueue(OutboundPdu.MessageIdResponse(CommandId.DeliverSmResp, header.Sequence, status, null));
    }

    /// <summary>A data_sm from the SMSC: a reply carried in message_payload. Answered with data_sm_resp.</summary>
    private void OnDataSm(in PduHeader header, ReadOnlySpan<byte> body)
    {
        var status = CommandStatus.Ok;
        try
        {
            if (MobileOriginatedReader.TryReadDataSm(body, _time.GetUtcNow(), out var inbound))
            {
                _publishInbound(inbound!);
            }
        }
        catch (SmppPduException ex)
        {
            _logger.LogWarning("SMPP {Bind}: malformed data_sm #{Sequence}: {Reason}", Name, header.Sequence, ex.Message);
            status = ex.Status;
        }

        _connection.TryEnqueue(OutboundPdu.MessageIdResponse(CommandId.DataSm.ResponseOf(), header.Sequence, status, null));
    }
}
