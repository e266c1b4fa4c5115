using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Smgp.Protocol;

namespace WarningHub.Channels.Sms.Smgp.Session;

internal sealed partial class SmgpSession
{
    private const uint DeliverStructureError = 10; // message structure error

    /// <summary>
    /// Answers every Deliver with Deliver_Resp under the same MsgID; a Deliver that cannot be read is answered Status
    /// 10 (message structure error), so the SMGW does not resend it forever, and is logged.
    /// </summary>
    private void OnDeliver(in SmgpHeader header, ReadOnlySpan<byte> body)
    {
        DeliverPdu deliver;
        try
        {
            deliver = DeliverPdu.Read(body);
        }
        catch (PduFormatException ex)
        {
            var msgId = body.Length >= SmgpMsgId.Size ? SmgpMsgId.Read(body) : new SmgpMsgId(new string('0', 20));
            _logger.LogWarning("SMGP {Bind}: unreadable Deliver #{Sequence}: {Reason}", Name, header.Sequence, ex.Message);
            _connection.TryEnqueue(SmgpFrame.Build(new MsgIdStatusPdu(SmgpCommand.DeliverResp, msgId, DeliverStructureError), header.Sequence));
            return;
        }

        _connection.TryEnqueue(SmgpFrame.Build(new MsgIdStatusPdu(SmgpCommand.DeliverResp, deliver.MsgId, 0), header.Sequence));
        try
        {
            _onDeliver(deliver);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "SMGP {Bind}: Deliver #{Sequence} could not be handled.", Name, header.Sequence);
        }
    }
}
