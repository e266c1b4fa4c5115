using System.Text;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Common.Text;

/// <summary>Turns a handset's message content into text by its coding (CMPP Msg_Fmt, SGIP MessageCoding, SMGP MsgFormat): 0 ASCII, 8 UCS2, 15 GBK; a UDH is skipped.</summary>
internal static class MessageText
{
    private static readonly Lazy<Encoding> Gbk = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936);
    });

    public static string Decode(ReadOnlySpan<byte> content, byte format, bool hasUdh)
    {
        if (hasUdh && content.Length > 0 && content[0] + 1 <= content.Length)
        {
            content = content[(content[0] + 1)..];
        }

        return format switch
        {
            MessageFormat.Ascii => Encoding.ASCII.GetString(content),
            MessageFormat.Ucs2 or MessageFormat.Ucs2Flash => Encoding.BigEndianUnicode.GetString(content),
            MessageFormat.Gbk => Gbk.Value.GetString(content),
            _ => throw new PduFormatException($"Coding {format} is not text this adapter reads (0 ASCII, 8 UCS2, 15 GBK)."),
        };
    }

    /// <summary>GBK octets of <paramref name="text"/>, for tests and the simulator's handsets.</summary>
    public static byte[] ToGbk(string text) => Gbk.Value.GetBytes(text);
}
