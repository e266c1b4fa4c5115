namespace WarningHub.Channels.Sms.Smpp.Text;

/// <summary>The two alphabets this adapter sends, with their SMPP data_coding values and part sizes.</summary>
internal enum SmsEncoding : byte
{
    /// <summary>GSM 03.38 default alphabet, data_coding 0x00: 160 septets single, 153 per concatenated part.</summary>
    Gsm7 = 0x00,

    /// <summary>UCS-2 big-endian, data_coding 0x08: 70 characters single, 67 per concatenated part.</summary>
    Ucs2 = 0x08,
}

internal static class SmsLimits
{
    public const int Gsm7Single = 160;
    public const int Gsm7Part = 153;
    public const int Ucs2Single = 70;
    public const int Ucs2Part = 67;

    /// <summary>Characters per part once a user data header of <paramref name="headerOctets"/> takes its room of the 140 octets.</summary>
    public static (int Gsm7, int Ucs2) PartSizes(int headerOctets) => ((140 - headerOctets) * 8 / 7, (140 - headerOctets) / 2);

    /// <summary>An 8-bit reference in the UDH and one-octet counters allow no more parts than this.</summary>
    public const int MaxParts = 255;
}
