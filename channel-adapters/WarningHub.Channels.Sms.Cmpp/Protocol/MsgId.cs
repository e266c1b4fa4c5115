using System.Globalization;

namespace WarningHub.Channels.Sms.Cmpp.Protocol;

/// <summary>
/// The 64-bit Msg_Id both versions use: month (4 bits), day (5), hour (5), minute (6), second (6), ISMG code (22),
/// sequence (16), most significant first. Rendered as 16 upper-case hex digits: the same octets always give the same
/// string, in SUBMIT_RESP and in the status report, which is all receipt matching needs.
/// </summary>
internal readonly record struct MsgId(ulong Value)
{
    public int Month => (int)(Value >> 60);

    public int Day => (int)((Value >> 55) & 0x1F);

    public int Hour => (int)((Value >> 50) & 0x1F);

    public int Minute => (int)((Value >> 44) & 0x3F);

    public int Second => (int)((Value >> 38) & 0x3F);

    public int GatewayCode => (int)((Value >> 16) & 0x3F_FFFF);

    public int Sequence => (int)(Value & 0xFFFF);

    public static MsgId Compose(int month, int day, int hour, int minute, int second, int gatewayCode, int sequence)
    {
        Check(month, 1, 12, nameof(month));
        Check(day, 1, 31, nameof(day));
        Check(hour, 0, 23, nameof(hour));
        Check(minute, 0, 59, nameof(minute));
        Check(second, 0, 59, nameof(second));
        Check(gatewayCode, 0, 0x3F_FFFF, nameof(gatewayCode));
        Check(sequence, 0, 0xFFFF, nameof(sequence));
        return new MsgId(((ulong)(uint)month << 60) | ((ulong)(uint)day << 55) | ((ulong)(uint)hour << 50) | ((ulong)(uint)minute << 44)
            | ((ulong)(uint)second << 38) | ((ulong)(uint)gatewayCode << 16) | (uint)sequence);
    }

    public override string ToString() => Value.ToString("X16", CultureInfo.InvariantCulture);

    private static void Check(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"must be {min}..{max}");
        }
    }
}
