using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Text;

namespace WarningHub.Channels.Sms.Smpp.Gateway;

/// <summary>Builds the submit_sm PDUs of one text from the gateway's options.</summary>
internal sealed class SubmitSmFactory(SmppOptions options)
{
    /// <summary>
    /// One submit_sm per part. Concatenated parts carry either a UDH (esm_class 0x40, IE 0x00 with an 8-bit
    /// reference) or, with <see cref="SmppOptions.UseSarTlvs"/>, sar_msg_ref_num / sar_total_segments /
    /// sar_segment_seqnum TLVs. The reference is per gateway and wraps; handsets only need it unique among the
    /// concatenations in flight to one recipient.
    /// </summary>
    public ShortMessagePdu[] Build(SegmentedText text, string destination, bool requestReceipt, ushort reference)
    {
        var registeredDelivery = requestReceipt ? options.RegisteredDelivery : (byte)0;
        var total = text.Segments.Count;
        var pdus = new ShortMessagePdu[total];
        for (var i = 0; i < total; i++)
        {
            var segment = text.Segments[i];
            ReadOnlyMemory<byte> userData = segment;
            byte esmClass = 0;
            IReadOnlyList<Tlv> tlvs = [];
            if (total > 1 && options.UseSarTlvs)
            {
                tlvs =
                [
                    Tlv.UInt16(TlvTag.SarMessageReference, reference),
                    Tlv.Byte(TlvTag.SarTotalSegments, (byte)total),
                    Tlv.Byte(TlvTag.SarSegmentSequence, (byte)(i + 1)),
                ];
            }
            else if (total > 1)
            {
                userData = UserDataHeader.Prepend((byte)reference, (byte)total, (byte)(i + 1), segment);
                esmClass = ShortMessageView.EsmUdhIndicator;
            }

            pdus[i] = new ShortMessagePdu
            {
                ServiceType = options.ServiceType,
                SourceTon = options.SourceTon,
                SourceNpi = options.SourceNpi,
                SourceAddress = options.SourceAddress,
                DestinationTon = options.DestinationTon,
                DestinationNpi = options.DestinationNpi,
                DestinationAddress = destination,
                EsmClass = esmClass,
                RegisteredDelivery = registeredDelivery,
                DataCoding = text.DataCoding,
                ShortMessage = userData,
                Tlvs = tlvs,
            };
        }

        return pdus;
    }

    /// <summary>Digits with an optional leading '+', as SMPP addresses of TON unknown/national/international are.</summary>
    public static bool IsValidDestination(string address) =>
        address.Length is > 0 and < FieldLimits.Address
        && address.AsSpan(address[0] == '+' ? 1 : 0).IndexOfAnyExceptInRange('0', '9') < 0
        && address != "+";
}
