namespace WarningHub.Channels.Sms.Smpp.Protocol;

/// <summary>submit_sm_resp and deliver_sm_resp carry only a message_id C-octet string (deliver_sm_resp's is unused, empty).</summary>
internal static class MessageIdBody
{
    public static int MaxEncodedLength(string? messageId) => (messageId?.Length ?? 0) + 1;

    /// <summary>
    /// Reads the message_id of a submit_sm_resp. An error response may have no body at all (section 4.4.2),
    /// so an empty body yields an empty id.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return string.Empty;
        }

        var reader = new PduReader(body);
        return reader.ReadCStringAsString(FieldLimits.MessageId, "message_id");
    }
}
