using WarningHub.Channels.Sms.Smpp.Gateway;
using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Tests.Support;
using WarningHub.Channels.Sms.Smpp.Text;
using WarningHub.Channels.Sms.Smpp.Transport;

namespace WarningHub.Channels.Sms.Smpp.Tests.Protocol;

/// <summary>
/// Encodings checked octet by octet against the field tables of SMPP 3.4 (sections 3.2, 4.1.5, 4.3.1, 4.4.1, 4.6.1,
/// 5.3.2). Expected values are written by hand, not produced by the encoder.
/// </summary>
public class PduVectorTests
{
    [Fact]
    public void BindTransceiver_EncodesEveryFieldInSpecificationOrder()
    {
        var pdu = OutboundPdu.Request(CommandId.BindTransceiver, 1, new BindBody("warninghub", "secret", string.Empty), null);

        var expected = Hex.Parse("""
            00000027 | 00000009 | 00000000 | 00000001
            77 61 72 6E 69 6E 67 68 75 62 00
            73 65 63 72 65 74 00
            00
            34
            00 | 00
            00
            """); // length 39, bind_transceiver, status 0, seq 1 | system_id "warninghub" | password "secret" | system_type "" | interface_version 3.4 | addr_ton, addr_npi | address_range ""

        Assert.Equal(Hex.Format(expected), Hex.Format(pdu.ToArray()));
    }

    [Fact]
    public void BindTransceiverResp_DecodesSystemIdAndInterfaceVersionTlv()
    {
        var octets = Hex.Parse("""
            0000001D | 80000009 | 00000000 | 00000001
            53 4D 53 43 00
            0210 0001 34
            """); // system_id "SMSC", sc_interface_version 0x34

        var header = PduHeader.Read(octets);
        var body = BindResponseBody.Decode(octets.AsSpan(PduHeader.Size));

        Assert.Equal(new PduHeader(29, CommandId.BindTransceiverResp, 0, 1), header);
        Assert.Equal("SMSC", body.SystemId);
        Assert.Equal((byte)0x34, body.ScInterfaceVersion);
    }

    [Fact]
    public void SubmitSm_FirstOfTwoGsmParts_CarriesUdhAndSetsEsmClass()
    {
        var options = new SmppOptions { SourceAddress = "12379", DestinationTon = 0, DestinationNpi = 1, RegisteredDelivery = 1, ConcatenationReferenceBits = 8 };
        var text = SegmentedText.Create(new string('A', 153) + "Hi there");
        var parts = new SubmitSmFactory(options).Build(text, "13800138000", requestReceipt: true, reference: 0x2A);

        var first = OutboundPdu.Request(CommandId.SubmitSm, 7, parts[0], null).ToArray();

        var expected = Hex.Concat(
            Hex.Parse("""
                000000D0 | 00000004 | 00000000 | 00000007
                00
                00 00 | 31 32 33 37 39 00
                00 01 | 31 33 38 30 30 31 33 38 30 30 30 00
                40 | 00 | 00 | 00 | 00 | 01 | 00 | 00 | 00
                9F
                05 00 03 2A 02 01
                """), // 208 octets | service_type "" | source ton/npi, "12379" | dest ton/npi, "13800138000" | esm_class UDHI, protocol_id, priority, schedule, validity, registered_delivery 1, replace, data_coding GSM, sm_default_msg_id | sm_length 159 | UDH: IEI 00, len 3, ref 0x2A, 2 parts, part 1
            Enumerable.Repeat((byte)0x41, 153).ToArray());
        Assert.Equal(2, parts.Length);
        Assert.Equal(Hex.Format(expected), Hex.Format(first));
    }

    [Fact]
    public void SubmitSm_FirstOfTwoGsmPartsWithA16BitReference_CarriesTheSevenOctetUdh()
    {
        var options = new SmppOptions { SourceAddress = "12379", DestinationTon = 0, DestinationNpi = 1, RegisteredDelivery = 1 };
        var factory = new SubmitSmFactory(options);
        var parts = factory.Build(factory.Segment(new string('A', 152) + "Hi there!"), "13800138000", requestReceipt: true, reference: 0xBEEF);

        var first = OutboundPdu.Request(CommandId.SubmitSm, 7, parts[0], null).ToArray();

        var expected = Hex.Concat(
            Hex.Parse("""
                000000D0 | 00000004 | 00000000 | 00000007
                00
                00 00 | 31 32 33 37 39 00
                00 01 | 31 33 38 30 30 31 33 38 30 30 30 00
                40 | 00 | 00 | 00 | 00 | 01 | 00 | 00 | 00
                9F
                06 08 04 BE EF 02 01
                """), // 208 octets as the 8-bit vector: the header grows by one octet, the part shrinks to 152 septets
            Enumerable.Repeat((byte)0x41, 152).ToArray());
        Assert.Equal(2, parts.Length);
        Assert.Equal(Hex.Format(expected), Hex.Format(first));
    }

    [Fact]
    public void SubmitSm_SecondUcs2PartWithSarTlvs_HasNoUdhAndEndsWithTheThreeTlvs()
    {
        var options = new SmppOptions { SourceAddress = "12379", UseSarTlvs = true, RegisteredDelivery = 1 };
        var text = SegmentedText.Create(new string('雨', 67) + "停停停停");
        var parts = new SubmitSmFactory(options).Build(text, "13800138000", requestReceipt: false, reference: 0x0102);

        var second = OutboundPdu.Request(CommandId.SubmitSm, 8, parts[1], null).ToArray();

        var expected = Hex.Parse("""
            00000049 | 00000004 | 00000000 | 00000008
            00
            00 00 | 31 32 33 37 39 00
            00 01 | 31 33 38 30 30 31 33 38 30 30 30 00
            00 | 00 | 00 | 00 | 00 | 00 | 00 | 08 | 00
            08 | 50 5C 50 5C 50 5C 50 5C
            020C 0002 0102
            020E 0001 02
            020F 0001 02
            """); // 73 octets | esm_class 0 (no UDH), registered_delivery 0 (no receipt asked), data_coding UCS-2 | sm_length 8, "停停停停" (U+505C) | sar_msg_ref_num 0x0102 | sar_total_segments 2 | sar_segment_seqnum 2 | sar_msg_ref_num 0x0102 | sar_total_segments 2 | sar_segment_seqnum 2
        Assert.Equal(Hex.Format(expected), Hex.Format(second));
    }

    [Fact]
    public void SubmitSmResp_DecodesMessageId_AndAnErrorResponseMayHaveNoBody()
    {
        var ok = Hex.Parse("00000019 80000004 00000000 00000007 | 30 41 31 42 32 43 33 44 00"); // message_id "0A1B2C3D"
        var throttled = Hex.Parse("00000010 80000004 00000058 00000008");

        Assert.Equal("0A1B2C3D", MessageIdBody.Decode(ok.AsSpan(PduHeader.Size)));
        Assert.Equal(0x58u, PduHeader.Read(throttled).Status);
        Assert.Equal(string.Empty, MessageIdBody.Decode(throttled.AsSpan(PduHeader.Size)));
    }

    [Fact]
    public void HeaderOnlyPdus_AreSixteenOctets()
    {
        Assert.Equal("00000010800000000000000300000005", Hex.Format(OutboundPdu.HeaderOnly(CommandId.GenericNack, 5, CommandStatus.InvalidCommandId).ToArray()));
        Assert.Equal("00000010000000150000000000000009", Hex.Format(OutboundPdu.HeaderOnly(CommandId.EnquireLink, 9).ToArray()));
        Assert.Equal("00000010800000150000000000000009", Hex.Format(OutboundPdu.HeaderOnly(CommandId.EnquireLinkResp, 9).ToArray()));
        Assert.Equal("0000001000000006000000000000000A", Hex.Format(OutboundPdu.HeaderOnly(CommandId.Unbind, 10).ToArray()));
        Assert.Equal("0000001080000006000000000000000A", Hex.Format(OutboundPdu.HeaderOnly(CommandId.UnbindResp, 10).ToArray()));
    }

    [Fact]
    public void DeliverSmResp_OnSuccessCarriesAnEmptyMessageId()
    {
        var octets = OutboundPdu.MessageIdResponse(CommandId.DeliverSmResp, 3, CommandStatus.Ok, null).ToArray();

        Assert.Equal("000000118000000500000000000000030" + "0", Hex.Format(octets));
    }

    [Fact]
    public void ShortMessageView_KeepsUnknownTlvsForTheModel()
    {
        var body = Hex.Parse("""
            00 | 00 00 00 | 00 00 31 00 | 00 00 00 00 00 00 00 00 00 | 01 41
            1403 0002 ABCD
            """); // minimal submit_sm to "1", sm "A", then a vendor TLV 0x1403

        var model = ShortMessagePdu.From(ShortMessageView.Parse(body));

        var tlv = Assert.Single(model.Tlvs);
        Assert.Equal(0x1403, tlv.Tag);
        Assert.Equal("ABCD", Hex.Format(tlv.Value.Span));
        Assert.Equal("1", model.DestinationAddress);
    }
}
