using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Text;

namespace WarningHub.Channels.Sms.Smpp.Gateway;

/// <summary>Builds the submit_sm PDUs of one text from the gateway's options.</summary>
internal sealed class SubmitSmFactory(SmppOptions options)
{
    private bool SixteenBit => options.ConcatenationReferenceBits == 16 && !options.UseSarTlvs;

    /// <summary>How many distinct concatenation references there are (256 or 65,536).</summary>
    public int ReferenceSpace => options.ConcatenationReferenceBits == 8 ? 256 : 65_536;

    /// <summary>Encodes and cuts a text into parts sized for the concatenation this gateway uses.</summary>
    public SegmentedText Segment(string text) =>
        SegmentedText.Create(text, SixteenBit ? UserDataHeader.Concatenation16BitLength : UserDataHeader.ConcatenationLength);

    /// <summary>The whole text in one submit_sm with an empty short_message and a message_payload TLV.</summary>
    public ShortMessagePdu BuildPayload(SegmentedText text, string destination, bool requestReceipt)
    {
        var whole = new byte[text.Segments.Sum(s => s.Length)];
        var at = 0;
        foreach (var segment in text.Segments)
        {
            segment.CopyTo(whole, at);
            at += segment.Length;
        }

        return Create(destination, requestReceipt ? options.RegisteredDelivery : (byte)0, text.DataCoding, ReadOnlyMemory<byte>.Empty, 0, [Tlv.Octets(TlvTag.MessagePayload, whole)]);
    }

    /// <summary>
    /// One submit_sm per part. Concatenated parts carry either a UDH (esm_class 0x40, IE 0x08 with a 16-bit
    /// reference, or IE 0x00 with an 8-bit one) or, with <see cref="SmppOptions.UseSarTlvs"/>, sar_msg_ref_num /
    /// sar_total_segments / sar_segment_seqnum TLVs. Handsets need the reference unique among the concatenations in
    /// flight to one recipient: <see cref="ConcatenationMemory"/> chooses it.
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
                userData = SixteenBit
                    ? UserDataHeader.Prepend16(reference, (byte)total, (byte)(i + 1), segment)
                    : UserDataHeader.Prepend((byte)reference, (byte)total, (byte)(i + 1), segment);
                esmClass = ShortMessageView.EsmUdhIndicator;
            }

            pdus[i] = Create(destination, registeredDelivery, text.DataCoding, userData, esmClass, tlvs);
        }

        return pdus;
    }

    private ShortMessagePdu Create(string destination, byte registeredDelivery, byte dataCoding, ReadOnlyMemory<byte> userData, byte esmClass, IReadOnlyList<Tlv> tlvs) => new()
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
        DataCoding = dataCoding,
        ShortMessage = userData,
        Tlvs = tlvs,
    };

    /// <summary>Digits with an optional leading '+', as SMPP addresses of TON unknown/national/international are.</summary>
    public static bool IsValidDestination(string address) =>
        address.Length is > 0 and < FieldLimits.Address
        && address.AsSpan(address[0] == '+' ? 1 : 0).IndexOfAnyExceptInRange('0', '9') < 0
        && address != "+";
}
