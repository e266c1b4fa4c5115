namespace WarningHub.Channels.Sms.Common.Text;

/// <summary>
/// Data coding values, the same in CMPP (Msg_Fmt), SGIP (MessageCoding) and SMGP (MsgFormat): the GSM 03.38 data coding
/// scheme octet the operators pass on.
/// </summary>
internal static class MessageFormat
{
    public const byte Ascii = 0;
    public const byte Binary = 4;
    public const byte Ucs2 = 8;
    public const byte Gbk = 15;

    /// <summary>
    /// UCS2 in message class 0 (the GSM 03.38 data coding scheme 0001 1000): the handset shows it at once and does not
    /// store it, a flash SMS (闪信). The operators' gateways pass it on as the handset's data coding.
    /// </summary>
    public const byte Ucs2Flash = 0x18;
}
