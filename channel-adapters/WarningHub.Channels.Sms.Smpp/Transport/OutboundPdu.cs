using WarningHub.Channels.Sms.Smpp.Protocol;

namespace WarningHub.Channels.Sms.Smpp.Transport;

/// <summary>
/// One PDU waiting in a connection's write queue. It is encoded by the writer loop straight into the batch buffer,
/// so queuing costs no buffer of its own; responses that carry only a message_id need no body object either.
/// </summary>
internal readonly struct OutboundPdu
{
    private readonly IPduBody? _body;
    private readonly string? _messageId;
    private readonly bool _hasMessageIdBody;

    private OutboundPdu(CommandId command, uint status, uint sequence, IPduBody? body, string? messageId, bool hasMessageIdBody, PendingRequest? pending)
    {
        Command = command;
        Status = status;
        Sequence = sequence;
        _body = body;
        _messageId = messageId;
        _hasMessageIdBody = hasMessageIdBody;
        Pending = pending;
    }

    public CommandId Command { get; }

    public uint Status { get; }

    public uint Sequence { get; }

    /// <summary>The request's waiter, told when the PDU is handed to the socket; null for responses.</summary>
    public PendingRequest? Pending { get; }

    public int MaxLength =>
        PduHeader.Size + (_body?.MaxEncodedLength ?? 0) + (_hasMessageIdBody ? MessageIdBody.MaxEncodedLength(_messageId) : 0);

    public static OutboundPdu Request(CommandId command, uint sequence, IPduBody? body, PendingRequest? pending) =>
        new(command, CommandStatus.Ok, sequence, body, null, false, pending);

    /// <summary>A response with a body object (bind responses).</summary>
    public static OutboundPdu Response(CommandId command, uint sequence, uint status, IPduBody? body) =>
        new(command, status, sequence, status == CommandStatus.Ok ? body : null, null, false, null);

    /// <summary>
    /// submit_sm_resp or deliver_sm_resp. On error no body is sent (SMPP 3.4 section 4.4.2); on success the
    /// message_id C-octet string is sent, empty for deliver_sm_resp.
    /// </summary>
    public static OutboundPdu MessageIdResponse(CommandId command, uint sequence, uint status, string? messageId) =>
        new(command, status, sequence, null, messageId, status == CommandStatus.Ok, null);

    /// <summary>A header-only PDU: enquire_link(_resp), unbind(_resp), generic_nack.</summary>
    public static OutboundPdu HeaderOnly(CommandId command, uint sequence, uint status = CommandStatus.Ok) =>
        new(command, status, sequence, null, null, false, null);

    public int Encode(Span<byte> destination)
    {
        var writer = new PduWriter(destination);
        writer.WriteHeader(Command, Status, Sequence);
        if (_body is not null)
        {
            _body.Write(ref writer);
        }
        else if (_hasMessageIdBody)
        {
            writer.WriteCString(_messageId);
        }

        return writer.Finish();
    }

    /// <summary>Encodes into a fresh array: for tests and one-off PDUs, never the hot path.</summary>
    public byte[] ToArray()
    {
        var buffer = new byte[MaxLength];
        var length = Encode(buffer);
        return buffer.AsSpan(0, length).ToArray();
    }
}
