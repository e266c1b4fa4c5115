using System.Text;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Text;

namespace WarningHub.Channels.Sms.Smpp.Receipts;

/// <summary>
/// Turns a deliver_sm or data_sm that is not a delivery receipt (esm_class message type 0) into an
/// <see cref="InboundText"/>: a person's reply. The text comes from short_message, else message_payload; a user
/// data header is skipped. data_coding 0 (the SMSC's default alphabet, taken as unpacked GSM 03.38 septets), 1
/// (IA5/ASCII), 3 (Latin-1) and 8 (UCS-2) are decoded; binary and other codings are not a text and give none.
/// </summary>
internal static class MobileOriginatedReader
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    public static bool TryRead(in ShortMessageView view, DateTimeOffset receivedAt, out InboundText? text)
    {
        text = null;
        if (view.IsDeliveryReceipt || (view.EsmClass & 0x3C) != 0)
        {
            return false; // receipts, SME acknowledgements and intermediate notifications are not replies
        }

        var payload = view.ShortMessage;
        var tlvs = new TlvReader(view.TlvSection);
        while (payload.IsEmpty && tlvs.MoveNext())
        {
            if (tlvs.Tag == TlvTag.MessagePayload) payload = tlvs.Value;
        }

        if (!TryDecode(payload, view.DataCoding, view.HasUdh, out var decoded))
        {
            return false;
        }

        text = new InboundText(PduReader.Ascii(view.SourceAddress), PduReader.Ascii(view.DestinationAddress), decoded, receivedAt);
        return true;
    }

    /// <summary>A data_sm body (SMPP 3.4 §4.7.1): addresses, esm_class, data_coding and TLVs only.</summary>
    public static bool TryReadDataSm(ReadOnlySpan<byte> body, DateTimeOffset receivedAt, out InboundText? text)
    {
        var reader = new PduReader(body);
        reader.ReadCString(FieldLimits.ServiceType, "service_type");
        reader.ReadByte("source_addr_ton");
        reader.ReadByte("source_addr_npi");
        var source = reader.ReadCString(FieldLimits.Address, "source_addr");
        reader.ReadByte("dest_addr_ton");
        reader.ReadByte("dest_addr_npi");
        var destination = reader.ReadCString(FieldLimits.Address, "destination_addr");
        var esmClass = reader.ReadByte("esm_class");
        reader.ReadByte("registered_delivery");
        var dataCoding = reader.ReadByte("data_coding");
        var view = new ShortMessageView
        {
            SourceAddress = source,
            DestinationAddress = destination,
            EsmClass = esmClass,
            DataCoding = dataCoding,
            TlvSection = reader.Rest,
        };
        return TryRead(view, receivedAt, out text);
    }

    private static bool TryDecode(ReadOnlySpan<byte> octets, byte dataCoding, bool hasUdh, out string text)
    {
        text = string.Empty;
        if (hasUdh && !octets.IsEmpty)
        {
            var headerLength = octets[0] + 1;
            if (headerLength > octets.Length) return false;
            octets = octets[headerLength..];
        }

        switch (dataCoding)
        {
            case (byte)SmsEncoding.Gsm7:
                text = Gsm7.Decode(octets);
                return true;
            case 0x01:
                text = Encoding.ASCII.GetString(octets);
                return true;
            case 0x03:
                text = Latin1.GetString(octets);
                return true;
            case (byte)SmsEncoding.Ucs2:
                text = Encoding.BigEndianUnicode.GetString(octets[..(octets.Length & ~1)]);
                return true;
            default:
                return false;
        }
    }
}
