using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Common.Text;
using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Sgip.Protocol;
using WarningHub.Channels.Sms.Sgip.Session;

namespace WarningHub.Channels.Sms.Sgip;

public sealed partial class SgipGateway
{
    private IncomingHandlers? _incoming;

    private IncomingHandlers Incoming => _incoming ??= new IncomingHandlers(OnDeliver, OnReport);

    /// <summary>
    /// A Report from the SMG: State 0 is Delivered, 2 is Failed with the ErrorCode as its code (SGIP:n), 1 (waiting) is
    /// not final and only logged. The id is the reported Submit's Sequence Number, as the send returned it.
    /// </summary>
    private void OnReport(ReportPdu report)
    {
        var id = report.SubmitSequence.ToString();
        switch (report.State)
        {
            case ReportPdu.Delivered:
                _receipts.Writer.TryWrite(new Receipt(id, DeliveryStatus.Delivered, "DELIVRD", _time.GetUtcNow()));
                break;
            case ReportPdu.Failed:
                _receipts.Writer.TryWrite(new Receipt(id, DeliveryStatus.Failed, Gateway.SgipResults.Code(report.ErrorCode), _time.GetUtcNow()));
                break;
            default:
                _logger.LogDebug("SGIP gateway {Gateway}: report {Id} says State {State} (waiting); a final one follows.", Name, id, report.State);
                break;
        }
    }

    /// <summary>A Deliver from the SMG: a handset's message to the access number.</summary>
    private void OnDeliver(DeliverPdu deliver)
    {
        try
        {
            var text = MessageText.Decode(deliver.MessageContent.Span, deliver.MessageCoding, deliver.TpUdhi == 1);
            _mobileOriginated.Writer.TryWrite(new InboundText(deliver.UserNumber, deliver.SpNumber, text, _time.GetUtcNow()));
            _logger.LogInformation("SGIP gateway {Gateway}: a message from {From} to {To}.", Name, PersonalData.Phone(deliver.UserNumber), deliver.SpNumber);
        }
        catch (PduFormatException ex)
        {
            _logger.LogWarning("SGIP gateway {Gateway}: a message from {From} could not be read: {Reason}", Name, PersonalData.Phone(deliver.UserNumber), ex.Message);
        }
    }
}
