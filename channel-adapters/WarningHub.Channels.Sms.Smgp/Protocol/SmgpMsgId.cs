using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Smgp.Protocol;

/// <summary>
/// SMGP's 10-octet MsgID: the gateway's code (3 octets BCD, 6 digits), the time (4 octets BCD, MMDDhhmm) and a
/// sequence (3 octets BCD, 6 digits). The hub sees it as its 20 digits, the same in Submit_Resp and in the report.
/// </summary>
internal readonly record struct SmgpMsgId(string Digits)
{
    public const int Size = 10;

    public static SmgpMsgId Read(ReadOnlySpan<byte> octets)
    {
        if (octets.Length < Size)
        {
            throw new PduFormatException($"MsgID needs {Size} octets, {octets.Length} left.");
        }

        return new SmgpMsgId(Convert.ToHexString(octets[..Size]));
    }

    /// <summary>Composes an id from its parts, as a gateway (the simulator) makes one.</summary>
    public static SmgpMsgId Compose(int gatewayCode, DateTimeOffset local, int sequence) =>
        new(FormattableString.Invariant($"{gatewayCode % 1_000_000:D6}{local.Month:D2}{local.Day:D2}{local.Hour:D2}{local.Minute:D2}{sequence % 1_000_000:D6}"));

    public byte[] ToOctets() => Convert.FromHexString(Digits);

    public override string ToString() => Digits;
}
