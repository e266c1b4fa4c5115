namespace WarningHub.Channels.Sms.Smpp.Protocol;

/// <summary>
/// A submit_sm or deliver_sm body read in place: spans into the receive buffer, valid only while the reader
/// loop holds that buffer. Hot paths (receipts, the simulator's submit handling) read this and copy only what they keep.
/// </summary>
internal readonly ref struct ShortMessageView
{
    public const byte EsmUdhIndicator = 0x40;
    public const byte EsmDeliveryReceipt = 0x04;

    /// <summary>Bits 2-5 of esm_class carry the message type; 0x04 there is an SMSC delivery receipt.</summary>
    private const byte EsmMessageTypeMask = 0x3C;

    public ReadOnlySpan<byte> ServiceType { get; init; }
    public byte SourceTon { get; init; }
    public byte SourceNpi { get; init; }
    public ReadOnlySpan<byte> SourceAddress { get; init; }
    public byte DestinationTon { get; init; }
    public byte DestinationNpi { get; init; }
    public ReadOnlySpan<byte> DestinationAddress { get; init; }
    public byte EsmClass { get; init; }
    public byte ProtocolId { get; init; }
    public byte PriorityFlag { get; init; }
    public ReadOnlySpan<byte> ScheduleDeliveryTime { get; init; }
    public ReadOnlySpan<byte> ValidityPeriod { get; init; }
    public byte RegisteredDelivery { get; init; }
    public byte ReplaceIfPresent { get; init; }
    public byte DataCoding { get; init; }
    public byte DefaultMessageId { get; init; }
    public ReadOnlySpan<byte> ShortMessage { get; init; }
    public ReadOnlySpan<byte> TlvSection { get; init; }

    public bool IsDeliveryReceipt => (EsmClass & EsmMessageTypeMask) == EsmDeliveryReceipt;

    public bool HasUdh => (EsmClass & EsmUdhIndicator) != 0;

    public static ShortMessageView Parse(ReadOnlySpan<byte> body)
    {
        var reader = new PduReader(body);
        var view = new ShortMessageView
        {
            ServiceType = reader.ReadCString(FieldLimits.ServiceType, "service_type"),
            SourceTon = reader.ReadByte("source_addr_ton"),
            SourceNpi = reader.ReadByte("source_addr_npi"),
            SourceAddress = reader.ReadCString(FieldLimits.Address, "source_addr"),
            DestinationTon = reader.ReadByte("dest_addr_ton"),
            DestinationNpi = reader.ReadByte("dest_addr_npi"),
            DestinationAddress = reader.ReadCString(FieldLimits.Address, "destination_addr"),
            EsmClass = reader.ReadByte("esm_class"),
            ProtocolId = reader.ReadByte("protocol_id"),
            PriorityFlag = reader.ReadByte("priority_flag"),
            ScheduleDeliveryTime = reader.ReadCString(FieldLimits.Time, "schedule_delivery_time"),
            ValidityPeriod = reader.ReadCString(FieldLimits.Time, "validity_period"),
            RegisteredDelivery = reader.ReadByte("registered_delivery"),
            ReplaceIfPresent = reader.ReadByte("replace_if_present_flag"),
            DataCoding = reader.ReadByte("data_coding"),
            DefaultMessageId = reader.ReadByte("sm_default_msg_id"),
        };
        var smLength = reader.ReadByte("sm_length");
        if (smLength > FieldLimits.ShortMessage)
        {
            throw new SmppPduException($"sm_length {smLength} exceeds {FieldLimits.ShortMessage}.", CommandStatus.InvalidMessageLength);
        }

        var shortMessage = reader.ReadOctets(smLength, "short_message");
        return view with { ShortMessage = shortMessage, TlvSection = reader.Rest };
    }
}
