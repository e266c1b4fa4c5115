using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Common.Text;
using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Smgp.Protocol;

namespace WarningHub.Channels.Sms.Smgp;

public sealed partial class SmgpGateway
{
    /// <summary>
    /// A Deliver from any connection: with IsReport 1 a status report, which becomes a receipt for the MsgID in its
    /// content (DELIVRD is Delivered, any other Stat is Failed with that word as the code); otherwise a handset's message.
    /// </summary>
    private void OnDeliver(DeliverPdu deliver)
    {
        if (deliver.IsReport == 1)
        {
            try
            {
                var report = StatusReport.Read(deliver.MsgContent.Span);
                _receipts.Writer.TryWrite(new Receipt(report.MsgId.ToString(), report.IsDelivered ? DeliveryStatus.Delivered : DeliveryStatus.Failed, report.Stat, _time.GetUtcNow()));
            }
            catch (PduFormatException ex)
            {
                _logger.LogWarning("SMGP gateway {Gateway}: unreadable status report: {Reason}", Name, ex.Message);
            }

            return;
        }

        try
        {
            var text = MessageText.Decode(deliver.MsgContent.Span, deliver.MsgFormat, deliver.HasUdh);
            _mobileOriginated.Writer.TryWrite(new InboundText(deliver.SrcTermId, deliver.DestTermId, text, _time.GetUtcNow()));
            _logger.LogInformation("SMGP gateway {Gateway}: a message from {From} to {To}.", Name, PersonalData.Phone(deliver.SrcTermId), deliver.DestTermId);
        }
        catch (PduFormatException ex)
        {
            _logger.LogWarning("SMGP gateway {Gateway}: a message from {From} could not be read: {Reason}", Name, PersonalData.Phone(deliver.SrcTermId), ex.Message);
        }
    }
}
