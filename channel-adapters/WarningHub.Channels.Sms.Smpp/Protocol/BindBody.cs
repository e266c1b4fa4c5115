namespace WarningHub.Channels.Sms.Smpp.Protocol;

/// <summary>The body of bind_transmitter, bind_receiver and bind_transceiver (SMPP 3.4 section 4.1).</summary>
internal sealed record BindBody(
    string SystemId,
    string Password,
    string SystemType,
    byte InterfaceVersion = BindBody.SmppVersion34,
    byte AddressTon = 0,
    byte AddressNpi = 0,
    string AddressRange = "") : IPduBody
{
    public const byte SmppVersion34 = 0x34;

    public int MaxEncodedLength => SystemId.Length + Password.Length + SystemType.Length + AddressRange.Length + 4 + 3;

    public void Validate()
    {
        FieldLimits.CheckCString(SystemId, FieldLimits.SystemId, nameof(SystemId));
        FieldLimits.CheckCString(Password, FieldLimits.Password, nameof(Password));
        FieldLimits.CheckCString(SystemType, FieldLimits.SystemType, nameof(SystemType));
        FieldLimits.CheckCString(AddressRange, FieldLimits.AddressRange, nameof(AddressRange));
    }

    public void Write(ref PduWriter writer)
    {
        writer.WriteCString(SystemId);
        writer.WriteCString(Password);
        writer.WriteCString(SystemType);
        writer.WriteByte(InterfaceVersion);
        writer.WriteByte(AddressTon);
        writer.WriteByte(AddressNpi);
        writer.WriteCString(AddressRange);
    }

    public static BindBody Decode(ReadOnlySpan<byte> body)
    {
        var reader = new PduReader(body);
        return new BindBody(
            reader.ReadCStringAsString(FieldLimits.SystemId, "system_id"),
            reader.ReadCStringAsString(FieldLimits.Password, "password"),
            reader.ReadCStringAsString(FieldLimits.SystemType, "system_type"),
            reader.ReadByte("interface_version"),
            reader.ReadByte("addr_ton"),
            reader.ReadByte("addr_npi"),
            reader.ReadCStringAsString(FieldLimits.AddressRange, "address_range"));
    }
}

/// <summary>The body of a bind response: the SMSC's system_id and, from 3.4 on, its interface version TLV.</summary>
internal sealed record BindResponseBody(string SystemId, byte? ScInterfaceVersion = BindBody.SmppVersion34) : IPduBody
{
    public int MaxEncodedLength => SystemId.Length + 1 + 5;

    public void Write(ref PduWriter writer)
    {
        writer.WriteCString(SystemId);
        if (ScInterfaceVersion is { } version)
        {
            writer.WriteTlvByte(TlvTag.ScInterfaceVersion, version);
        }
    }

    /// <summary>A failed bind may come back with an empty body, which is allowed.</summary>
    public static BindResponseBody Decode(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return new BindResponseBody(string.Empty, null);
        }

        var reader = new PduReader(body);
        var systemId = reader.ReadCStringAsString(FieldLimits.SystemId, "system_id");
        byte? version = null;
        var tlvs = new TlvReader(reader.Rest);
        while (tlvs.MoveNext())
        {
            if (tlvs.Tag == TlvTag.ScInterfaceVersion && tlvs.Value.Length == 1)
            {
                version = tlvs.Value[0];
            }
        }

        return new BindResponseBody(systemId, version);
    }
}
