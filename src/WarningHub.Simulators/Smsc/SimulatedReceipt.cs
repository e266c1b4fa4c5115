using WarningHub.Channels.Sms.Smpp.Protocol;

namespace WarningHub.Simulators.Smsc;

/// <summary>
/// A deliver_sm delivery receipt (esm_class 0x04) written straight into the writer's batch buffer: the text
/// "id:… sub:001 dlvrd:… submit date:… done date:… stat:… err:… text:" of SMPP 3.4 appendix B, plus the
/// receipted_message_id and message_state TLVs.
/// </summary>
internal sealed class SimulatedReceipt(
    string messageId,
    string idInText,
    string recipient,
    string sender,
    bool delivered,
    string date,
    bool includeTlv) : IPduBody
{
    private const string Sub = " sub:001 dlvrd:";
    private const string SubmitDate = " submit date:";
    private const string DoneDate = " done date:";
    private const string Stat = " stat:";
    private const string Err = " err:";
    private const string TextKey = " text:";

    private string StatWord => delivered ? "DELIVRD" : "UNDELIV";

    private int TextLength =>
        3 + idInText.Length + Sub.Length + 3 + SubmitDate.Length + date.Length + DoneDate.Length + date.Length
        + Stat.Length + 7 + Err.Length + 3 + TextKey.Length;

    public int MaxEncodedLength => 64 + recipient.Length + sender.Length + TextLength + messageId.Length + 1 + 9;

    public void Write(ref PduWriter writer)
    {
        writer.WriteCString(string.Empty); // service_type
        writer.WriteByte(0);
        writer.WriteByte(1);
        writer.WriteCString(recipient); // the receipt comes from the handset the message went to
        writer.WriteByte(0);
        writer.WriteByte(0);
        writer.WriteCString(sender);
        writer.WriteByte(ShortMessageView.EsmDeliveryReceipt);
        writer.WriteByte(0); // protocol_id
        writer.WriteByte(0); // priority_flag
        writer.WriteCString(string.Empty); // schedule_delivery_time
        writer.WriteCString(string.Empty); // validity_period
        writer.WriteByte(0); // registered_delivery
        writer.WriteByte(0); // replace_if_present_flag
        writer.WriteByte(0); // data_coding
        writer.WriteByte(0); // sm_default_msg_id
        writer.WriteByte((byte)TextLength);
        writer.WriteAscii("id:");
        writer.WriteAscii(idInText);
        writer.WriteAscii(Sub);
        writer.WriteAscii(delivered ? "001" : "000");
        writer.WriteAscii(SubmitDate);
        writer.WriteAscii(date);
        writer.WriteAscii(DoneDate);
        writer.WriteAscii(date);
        writer.WriteAscii(Stat);
        writer.WriteAscii(StatWord);
        writer.WriteAscii(Err);
        writer.WriteAscii(delivered ? "000" : "001");
        writer.WriteAscii(TextKey);
        if (includeTlv)
        {
            writer.WriteTlvCString(TlvTag.ReceiptedMessageId, messageId);
        }

        writer.WriteTlvByte(TlvTag.MessageState, delivered ? (byte)2 : (byte)5);
    }
}
