using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Cmpp.Protocol;
using WarningHub.Channels.Sms.Common.Text;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Cmpp;

public sealed partial class CmppGateway
{
    /// <summary>A DELIVER from any connection: a status report becomes a receipt, anything else a handset's message.</summary>
    private void OnDeliver(DeliverPdu deliver)
    {
        if (deliver.IsStatusReport)
        {
            try
            {
                _receipts.Writer.TryWrite(_reports.Read(deliver.MsgContent.Span, _version));
            }
            catch (CmppPduException ex)
            {
                _logger.LogWarning("CMPP gateway {Gateway}: unreadable status report: {Reason}", Name, ex.Message);
            }

            return;
        }

        try
        {
            var text = MessageText.Decode(deliver.MsgContent.Span, deliver.MsgFmt, deliver.TpUdhi == 1);
            _mobileOriginated.Writer.TryWrite(new InboundText(deliver.SrcTerminalId, deliver.DestId, text, _time.GetUtcNow()));
            _logger.LogInformation("CMPP gateway {Gateway}: a message from {From} to {To}.", Name, PersonalData.Phone(deliver.SrcTerminalId), deliver.DestId);
        }
        catch (PduFormatException ex)
        {
            _logger.LogWarning("CMPP gateway {Gateway}: a message from {From} could not be read: {Reason}", Name, PersonalData.Phone(deliver.SrcTerminalId), ex.Message);
        }
    }
}
