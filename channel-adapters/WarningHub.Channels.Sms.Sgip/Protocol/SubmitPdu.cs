using WarningHub.Channels.Sms.Common.Protocol;
using WarningHub.Channels.Sms.Common.Text;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Sgip.Protocol;

/// <summary>SGIP 1.2 Submit, field by field in the order of the specification's table.</summary>
internal sealed record SubmitPdu : ISgipBody
{
    /// <summary>ChargeNumber of 21 zeros: the SP pays.</summary>
    public const string SpPays = "000000000000000000000";

    public SgipCommand Command => SgipCommand.Submit;

    /// <summary>The SP's access number (接入号), shown as the sender.</summary>
    public string SpNumber { get; init; } = string.Empty;

    public string ChargeNumber { get; init; } = SpPays;

    /// <summary>Destinations, "86" + the mobile number.</summary>
    public IReadOnlyList<string> UserNumbers { get; init; } = [];

    /// <summary>The SP's corporation code, 5 digits.</summary>
    public string CorpId { get; init; } = string.Empty;

    public string ServiceType { get; init; } = string.Empty;

    /// <summary>1: free for the charged number.</summary>
    public byte FeeType { get; init; } = 1;

    public string FeeValue { get; init; } = "0";

    public string GivenValue { get; init; } = "0";

    /// <summary>0: the SP collects (应收).</summary>
    public byte AgentFlag { get; init; }

    /// <summary>2: an MT not caused by an MO request.</summary>
    public byte MoRelatedToMtFlag { get; init; } = 2;

    public byte Priority { get; init; }

    public string ExpireTime { get; init; } = string.Empty;

    public string ScheduleTime { get; init; } = string.Empty;

    /// <summary>0: report only on failure; 1: always; 2: never.</summary>
    public byte ReportFlag { get; init; } = 1;

    public byte TpPid { get; init; }

    public byte TpUdhi { get; init; }

    /// <summary>0 ASCII, 8 UCS2, 15 GBK, 24 UCS2 shown at once (flash).</summary>
    public byte MessageCoding { get; init; } = MessageFormat.Ucs2;

    /// <summary>0: a short message.</summary>
    public byte MessageType { get; init; }

    public ReadOnlyMemory<byte> MessageContent { get; init; }

    public int BodyLength => 21 + 21 + 1 + (21 * UserNumbers.Count) + 5 + 10 + 1 + 6 + 6 + 1 + 1 + 1 + 16 + 16 + 1 + 1 + 1 + 1 + 1 + 4 + MessageContent.Length + 8;

    public void Write(ref FieldWriter writer)
    {
        if (UserNumbers.Count is < 1 or > 100)
        {
            throw new PduFormatException($"UserCount must be 1..100, not {UserNumbers.Count}.");
        }

        if (MessageContent.Length > 160)
        {
            throw new PduFormatException($"MessageContent is {MessageContent.Length} octets; at most 160 fit.");
        }

        writer.Text(SpNumber, 21, "SPNumber");
        writer.Text(ChargeNumber, 21, "ChargeNumber");
        writer.UInt8((byte)UserNumbers.Count);
        foreach (var number in UserNumbers)
        {
            writer.Text(number, 21, "UserNumber");
        }

        writer.Text(CorpId, 5, "CorpId");
        writer.Text(ServiceType, 10, "ServiceType");
        writer.UInt8(FeeType);
        writer.Text(FeeValue, 6, "FeeValue");
        writer.Text(GivenValue, 6, "GivenValue");
        writer.UInt8(AgentFlag);
        writer.UInt8(MoRelatedToMtFlag);
        writer.UInt8(Priority);
        writer.Text(ExpireTime, 16, "ExpireTime");
        writer.Text(ScheduleTime, 16, "ScheduleTime");
        writer.UInt8(ReportFlag);
        writer.UInt8(TpPid);
        writer.UInt8(TpUdhi);
        writer.UInt8(MessageCoding);
        writer.UInt8(MessageType);
        writer.UInt32((uint)MessageContent.Length);
        writer.Octets(MessageContent.Span);
        writer.Zeros(8);
    }

    public static SubmitPdu Read(ReadOnlySpan<byte> body)
    {
        var r = new FieldReader(body);
        var spNumber = r.Text(21, "SPNumber");
        var chargeNumber = r.Text(21, "ChargeNumber");
        var count = r.UInt8("UserCount");
        var users = new string[count];
        for (var i = 0; i < count; i++)
        {
            users[i] = r.Text(21, "UserNumber");
        }

        var pdu = new SubmitPdu
        {
            SpNumber = spNumber,
            ChargeNumber = chargeNumber,
            UserNumbers = users,
            CorpId = r.Text(5, "CorpId"),
            ServiceType = r.Text(10, "ServiceType"),
            FeeType = r.UInt8("FeeType"),
            FeeValue = r.Text(6, "FeeValue"),
            GivenValue = r.Text(6, "GivenValue"),
            AgentFlag = r.UInt8("AgentFlag"),
            MoRelatedToMtFlag = r.UInt8("MorelatetoMTFlag"),
            Priority = r.UInt8("Priority"),
            ExpireTime = r.Text(16, "ExpireTime"),
            ScheduleTime = r.Text(16, "ScheduleTime"),
            ReportFlag = r.UInt8("ReportFlag"),
            TpPid = r.UInt8("TP_pid"),
            TpUdhi = r.UInt8("TP_udhi"),
            MessageCoding = r.UInt8("MessageCoding"),
            MessageType = r.UInt8("MessageType"),
        };
        var length = r.UInt32("MessageLength");
        if (length > 160)
        {
            throw new PduFormatException($"MessageLength {length} is over 160.");
        }

        var content = r.Octets((int)length, "MessageContent").ToArray();
        r.Octets(8, "Reserve");
        return pdu with { MessageContent = content };
    }
}
