using WarningHub.Channels.Sms.Common.Protocol;
using WarningHub.Channels.Sms.Common.Text;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Smgp.Protocol;

/// <summary>
/// SMGP 3.0 Submit, field by field in the order of the specification's table, then the TLVs this adapter uses: TP_udhi,
/// PkTotal and PkNumber for a long message's parts (TP_udhi 1 means MsgContent starts with a UDH).
/// </summary>
internal sealed record SubmitPdu : ISmgpBody
{
    /// <summary>MsgType 6: a mobile-terminated message (MT).</summary>
    public const byte MobileTerminated = 6;

    public SmgpCommand Command => SmgpCommand.Submit;

    public byte MsgType { get; init; } = MobileTerminated;

    /// <summary>1: a status report is wanted.</summary>
    public byte NeedReport { get; init; }

    public byte Priority { get; init; }

    public string ServiceId { get; init; } = string.Empty;

    /// <summary>"00": free of charge.</summary>
    public string FeeType { get; init; } = "00";

    public string FeeCode { get; init; } = "000000";

    public string FixedFee { get; init; } = "000000";

    /// <summary>0 ASCII, 8 UCS2, 15 GBK, 24 UCS2 shown at once (flash).</summary>
    public byte MsgFormat { get; init; } = MessageFormat.Ucs2;

    public string ValidTime { get; init; } = string.Empty;

    public string AtTime { get; init; } = string.Empty;

    /// <summary>The access number shown as the sender.</summary>
    public string SrcTermId { get; init; } = string.Empty;

    public string ChargeTermId { get; init; } = string.Empty;

    public IReadOnlyList<string> DestTermIds { get; init; } = [];

    public ReadOnlyMemory<byte> MsgContent { get; init; }

    public IReadOnlyList<Tlv> Tlvs { get; init; } = [];

    public int BodyLength => 1 + 1 + 1 + 10 + 2 + 6 + 6 + 1 + 17 + 17 + 21 + 21 + 1 + (21 * DestTermIds.Count) + 1 + MsgContent.Length + 8 + Tlvs.Sum(t => t.Size);

    public void Write(ref FieldWriter writer)
    {
        if (DestTermIds.Count is < 1 or > 100)
        {
            throw new PduFormatException($"DestTermIDCount must be 1..100, not {DestTermIds.Count}.");
        }

        if (MsgContent.Length > 140)
        {
            throw new PduFormatException($"MsgContent is {MsgContent.Length} octets; at most 140 fit.");
        }

        writer.UInt8(MsgType);
        writer.UInt8(NeedReport);
        writer.UInt8(Priority);
        writer.Text(ServiceId, 10, "ServiceID");
        writer.Text(FeeType, 2, "FeeType");
        writer.Text(FeeCode, 6, "FeeCode");
        writer.Text(FixedFee, 6, "FixedFee");
        writer.UInt8(MsgFormat);
        writer.Text(ValidTime, 17, "ValidTime");
        writer.Text(AtTime, 17, "AtTime");
        writer.Text(SrcTermId, 21, "SrcTermID");
        writer.Text(ChargeTermId, 21, "ChargeTermID");
        writer.UInt8((byte)DestTermIds.Count);
        foreach (var destination in DestTermIds)
        {
            writer.Text(destination, 21, "DestTermID");
        }

        writer.UInt8((byte)MsgContent.Length);
        writer.Octets(MsgContent.Span);
        writer.Zeros(8);
        foreach (var tlv in Tlvs)
        {
            tlv.Write(ref writer);
        }
    }

    public static SubmitPdu Read(ReadOnlySpan<byte> body)
    {
        var r = new FieldReader(body);
        var pdu = new SubmitPdu
        {
            MsgType = r.UInt8("MsgType"),
            NeedReport = r.UInt8("NeedReport"),
            Priority = r.UInt8("Priority"),
            ServiceId = r.Text(10, "ServiceID"),
            FeeType = r.Text(2, "FeeType"),
            FeeCode = r.Text(6, "FeeCode"),
            FixedFee = r.Text(6, "FixedFee"),
            MsgFormat = r.UInt8("MsgFormat"),
            ValidTime = r.Text(17, "ValidTime"),
            AtTime = r.Text(17, "AtTime"),
            SrcTermId = r.Text(21, "SrcTermID"),
            ChargeTermId = r.Text(21, "ChargeTermID"),
        };
        var count = r.UInt8("DestTermIDCount");
        var destinations = new string[count];
        for (var i = 0; i < count; i++)
        {
            destinations[i] = r.Text(21, "DestTermID");
        }

        var content = r.Octets(r.UInt8("MsgLength"), "MsgContent").ToArray();
        r.Octets(8, "Reserve");
        return pdu with { DestTermIds = destinations, MsgContent = content, Tlvs = Tlv.ReadAll(ref r) };
    }
}
