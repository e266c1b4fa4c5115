namespace WarningHub.Channels.Sms.Smpp.Protocol;

/// <summary>query_sm (SMPP 3.4 section 4.8.1): the message id and the source address the message was submitted with.</summary>
internal sealed class QuerySmBody(string messageId, byte sourceTon, byte sourceNpi, string sourceAddress) : IPduBody
{
    public int MaxEncodedLength => messageId.Length + 1 + 2 + sourceAddress.Length + 1;

    public void Write(ref PduWriter writer)
    {
        FieldLimits.CheckCString(messageId, FieldLimits.MessageId, "message_id");
        FieldLimits.CheckCString(sourceAddress, FieldLimits.Address, "source_addr");
        writer.WriteCString(messageId);
        writer.WriteByte(sourceTon);
        writer.WriteByte(sourceNpi);
        writer.WriteCString(sourceAddress);
    }
}

/// <summary>query_sm_resp (section 4.8.2): message_id, final_date, message_state, error_code.</summary>
internal readonly record struct QuerySmResult(string MessageId, string FinalDate, byte MessageState, byte ErrorCode)
{
    public const byte Enroute = 1;
    public const byte Delivered = 2;
    public const byte Expired = 3;
    public const byte Deleted = 4;
    public const byte Undeliverable = 5;
    public const byte Accepted = 6;
    public const byte Unknown = 7;
    public const byte Rejected = 8;

    public static QuerySmResult Decode(ReadOnlySpan<byte> body)
    {
        var reader = new PduReader(body);
        var id = reader.ReadCStringAsString(FieldLimits.MessageId, "message_id");
        var finalDate = reader.ReadCStringAsString(FieldLimits.Time, "final_date");
        var state = reader.ReadByte("message_state");
        var error = reader.ReadByte("error_code");
        return new QuerySmResult(id, finalDate, state, error);
    }
}
