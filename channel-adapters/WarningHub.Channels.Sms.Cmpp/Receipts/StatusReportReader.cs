using System.Globalization;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Cmpp.Protocol;

namespace WarningHub.Channels.Sms.Cmpp.Receipts;

/// <summary>
/// Turns the Msg_Content of a status report into a <see cref="Receipt"/> for the Msg_Id that SUBMIT_RESP gave.
/// DELIVRD is Delivered; every other Stat (UNDELIV, EXPIRED, REJECTD, DELETED, UNKNOWN, MA:xxxx, ...) is Failed with
/// that word as the code. Done_time (YYMMDDHHMM, the ISMG's clock) is the time, or now when it cannot be read.
/// </summary>
internal sealed class StatusReportReader(TimeSpan ismgUtcOffset, TimeProvider time)
{
    public const string Delivered = "DELIVRD";

    public Receipt Read(ReadOnlySpan<byte> content, CmppVersion version)
    {
        var report = StatusReportContent.Read(content, version);
        var status = report.Stat == Delivered ? DeliveryStatus.Delivered : DeliveryStatus.Failed;
        var code = string.IsNullOrEmpty(report.Stat) ? "UNKNOWN" : report.Stat;
        return new Receipt(new MsgId(report.MsgId).ToString(), status, code, DoneAt(report.DoneTime));
    }

    private DateTimeOffset DoneAt(string doneTime)
    {
        if (doneTime.Length == 10
            && DateTime.TryParseExact(doneTime, "yyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, ismgUtcOffset).ToUniversalTime();
        }

        return time.GetUtcNow();
    }
}
