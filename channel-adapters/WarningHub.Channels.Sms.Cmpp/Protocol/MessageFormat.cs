namespace WarningHub.Channels.Sms.Cmpp.Protocol;

/// <summary>Msg_Fmt values the adapter writes or reads.</summary>
internal static class MessageFormat
{
    public const byte Ascii = 0;
    public const byte Binary = 4;
    public const byte Ucs2 = 8;
    public const byte Gbk = 15;
}
