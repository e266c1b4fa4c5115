using System.Text;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Smgp.Protocol;

/// <summary>
/// The content of a Deliver with IsReport 1: "Id:" + the Submit's MsgID (10 octets, binary) + " sub:001 dlvrd:001
/// Submit date:YYMMDDhhmm done date:YYMMDDhhmm Stat:DELIVRD Err:000 Txt:" + 20 octets. Read by its markers rather than
/// by fixed offsets, since gateways differ in the case and spacing of the labels.
/// </summary>
internal sealed record StatusReport(SmgpMsgId MsgId, string Stat, string Err, string DoneDate)
{
    public bool IsDelivered => Stat == "DELIVRD";

    public static StatusReport Read(ReadOnlySpan<byte> content)
    {
        if (content.Length < 3 + SmgpMsgId.Size || !Ascii(content[..3]).Equals("id:", StringComparison.OrdinalIgnoreCase))
        {
            throw new PduFormatException("The status report does not start with Id: and a 10-octet MsgID.");
        }

        var msgId = SmgpMsgId.Read(content.Slice(3, SmgpMsgId.Size));
        var rest = Ascii(content[(3 + SmgpMsgId.Size)..]);
        return new StatusReport(msgId, Field(rest, "stat:", 7) ?? throw new PduFormatException("The status report has no Stat."), Field(rest, "err:", 3) ?? "", Field(rest, "done date:", 10) ?? "");
    }

    public byte[] ToArray()
    {
        var text = Encoding.ASCII.GetBytes($" sub:001 dlvrd:{(IsDelivered ? "001" : "000")} Submit date:{DoneDate,-10} done date:{DoneDate,-10} Stat:{Stat,-7} Err:{Err,-3} Txt:{new string(' ', 20)}");
        return [.. "Id:"u8, .. MsgId.ToOctets(), .. text];
    }

    private static string Ascii(ReadOnlySpan<byte> octets) => Encoding.Latin1.GetString(octets);

    private static string? Field(string text, string label, int width)
    {
        var at = text.IndexOf(label, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var start = at + label.Length;
        return text.Substring(start, Math.Min(width, text.Length - start)).Trim();
    }
}
