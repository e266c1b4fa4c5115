namespace WarningHub.Channels.Sms.Smpp.Protocol;

/// <summary>
/// The body shared by submit_sm and deliver_sm (SMPP 3.4 sections 4.4.1 and 4.6.1): the same fields in the same
/// order, so one type encodes both.
/// </summary>
internal sealed class ShortMessagePdu : IPduBody
{
    public string ServiceType { get; init; } = string.Empty;
    public byte SourceTon { get; init; }
    public byte SourceNpi { get; init; }
    public string SourceAddress { get; init; } = string.Empty;
    public byte DestinationTon { get; init; }
    public byte DestinationNpi { get; init; }
    public string DestinationAddress { get; init; } = string.Empty;
    public byte EsmClass { get; init; }
    public byte ProtocolId { get; init; }
    public byte PriorityFlag { get; init; }
    public string ScheduleDeliveryTime { get; init; } = string.Empty;
    public string ValidityPeriod { get; init; } = string.Empty;
    public byte RegisteredDelivery { get; init; }
    public byte ReplaceIfPresent { get; init; }
    public byte DataCoding { get; init; }
    public byte DefaultMessageId { get; init; }
    public ReadOnlyMemory<byte> ShortMessage { get; init; }
    public IReadOnlyList<Tlv> Tlvs { get; init; } = [];

    public int MaxEncodedLength
    {
        get
        {
            var length = ServiceType.Length + SourceAddress.Length + DestinationAddress.Length
                + ScheduleDeliveryTime.Length + ValidityPeriod.Length + 5 // five NULs
                + 12 // one-octet fields, sm_length included
                + ShortMessage.Length;
            foreach (var tlv in Tlvs)
            {
                length += tlv.EncodedLength;
            }

            return length;
        }
    }

    /// <summary>Checks every field against the specification before the PDU reaches the writer loop.</summary>
    public void Validate()
    {
        FieldLimits.CheckCString(ServiceType, FieldLimits.ServiceType, nameof(ServiceType));
        FieldLimits.CheckCString(SourceAddress, FieldLimits.Address, nameof(SourceAddress));
        FieldLimits.CheckCString(DestinationAddress, FieldLimits.Address, nameof(DestinationAddress));
        FieldLimits.CheckCString(ScheduleDeliveryTime, FieldLimits.Time, nameof(ScheduleDeliveryTime));
        FieldLimits.CheckCString(ValidityPeriod, FieldLimits.Time, nameof(ValidityPeriod));
        if (ShortMessage.Length > FieldLimits.ShortMessage)
        {
            throw new ArgumentException($"short_message is {ShortMessage.Length} octets; SMPP allows {FieldLimits.ShortMessage}.", nameof(ShortMessage));
        }

        foreach (var tlv in Tlvs)
        {
            if (tlv.Value.Length > ushort.MaxValue)
            {
                throw new ArgumentException($"TLV 0x{tlv.Tag:X4} is too long.", nameof(Tlvs));
            }
        }
    }

    public void Write(ref PduWriter writer)
    {
        writer.WriteCString(ServiceType);
        writer.WriteByte(SourceTon);
        writer.WriteByte(SourceNpi);
        writer.WriteCString(SourceAddress);
        writer.WriteByte(DestinationTon);
        writer.WriteByte(DestinationNpi);
        writer.WriteCString(DestinationAddress);
        writer.WriteByte(EsmClass);
        writer.WriteByte(ProtocolId);
        writer.WriteByte(PriorityFlag);
        writer.WriteCString(ScheduleDeliveryTime);
        writer.WriteCString(ValidityPeriod);
        writer.WriteByte(RegisteredDelivery);
        writer.WriteByte(ReplaceIfPresent);
        writer.WriteByte(DataCoding);
        writer.WriteByte(DefaultMessageId);
        writer.WriteByte((byte)ShortMessage.Length);
        writer.WriteOctets(ShortMessage.Span);
        foreach (var tlv in Tlvs)
        {
            writer.WriteTlv(tlv.Tag, tlv.Value.Span);
        }
    }

    /// <summary>Copies a decoded view into a model (tests and the simulator's recorder use it; hot paths read the view).</summary>
    public static ShortMessagePdu From(in ShortMessageView view)
    {
        var tlvs = new List<Tlv>();
        var reader = new TlvReader(view.TlvSection);
        while (reader.MoveNext())
        {
            tlvs.Add(new Tlv(reader.Tag, reader.Value.ToArray()));
        }

        return new ShortMessagePdu
        {
            ServiceType = PduReader.Ascii(view.ServiceType),
            SourceTon = view.SourceTon,
            SourceNpi = view.SourceNpi,
            SourceAddress = PduReader.Ascii(view.SourceAddress),
            DestinationTon = view.DestinationTon,
            DestinationNpi = view.DestinationNpi,
            DestinationAddress = PduReader.Ascii(view.DestinationAddress),
            EsmClass = view.EsmClass,
            ProtocolId = view.ProtocolId,
            PriorityFlag = view.PriorityFlag,
            ScheduleDeliveryTime = PduReader.Ascii(view.ScheduleDeliveryTime),
            ValidityPeriod = PduReader.Ascii(view.ValidityPeriod),
            RegisteredDelivery = view.RegisteredDelivery,
            ReplaceIfPresent = view.ReplaceIfPresent,
            DataCoding = view.DataCoding,
            DefaultMessageId = view.DefaultMessageId,
            ShortMessage = view.ShortMessage.ToArray(),
            Tlvs = tlvs,
        };
    }
}
