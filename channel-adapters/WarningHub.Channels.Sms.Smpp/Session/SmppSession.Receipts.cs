using WarningHub.Abstractions;
using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Transport;

namespace WarningHub.Channels.Sms.Smpp.Session;

internal sealed partial class SmppSession
{
    /// <summary>
    /// Every deliver_sm is answered; receipts are published as they come, even before the submit_sm_resp of the
    /// message they report (the engine parks ids it does not know yet). Mobile-originated texts are only logged.
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
            else if (!view.IsDeliveryReceipt)
            {
                _logger.LogInformation("SMPP {Bind}: mobile-originated message from {Sender} ignored.", Name, PersonalData.Phone(PduReader.Ascii(view.SourceAddress)));
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
}
