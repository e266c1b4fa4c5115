using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Cmpp.Protocol;

namespace WarningHub.Channels.Sms.Cmpp.Session;

internal sealed partial class CmppSession
{
    private const uint DeliverStructureError = 1;

    /// <summary>
    /// Answers every DELIVER with DELIVER_RESP under the same Msg_Id; a DELIVER that cannot be read is answered
    /// Result 1 (message structure error), so the ISMG does not resend it forever, and is logged.
    /// </summary>
    private void OnDeliver(in CmppHeader header, ReadOnlySpan<byte> body)
    {
        DeliverPdu deliver;
        try
        {
            deliver = DeliverPdu.Read(body, Version);
        }
        catch (CmppPduException ex)
        {
            var msgId = body.Length >= 8 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(body) : 0;
            _logger.LogWarning("CMPP {Bind}: unreadable DELIVER #{Sequence}: {Reason}", Name, header.Sequence, ex.Message);
            _connection.TryEnqueue(CmppFrame.Build(new MsgIdResultPdu(CmppCommand.DeliverResp, msgId, DeliverStructureError), header.Sequence, Version));
            return;
        }

        _connection.TryEnqueue(CmppFrame.Build(new MsgIdResultPdu(CmppCommand.DeliverResp, deliver.MsgId, 0), header.Sequence, Version));
        try
        {
            _onDeliver(deliver);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "CMPP {Bind}: DELIVER #{Sequence} could not be handled.", Name, header.Sequence);
        }
    }
}
