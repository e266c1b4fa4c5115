namespace WarningHub.Channels.Sms.Cmpp.Protocol;

/// <summary>
/// What differs between CMPP 2.0 and 3.0 on the wire: the Version octet of CONNECT, the width of terminal ids
/// (21 octets in 2.0, 32 in 3.0), the width of Status/Result in responses (1 octet in 2.0, 4 in 3.0), the extra
/// terminal-type octets of 3.0 and the trailer of SUBMIT and DELIVER (Reserve 8 in 2.0, LinkID 20 in 3.0).
/// </summary>
internal readonly record struct CmppVersion
{
    private CmppVersion(byte wire) => Wire = wire;

    public static CmppVersion V20 { get; } = new(0x20);

    public static CmppVersion V30 { get; } = new(0x30);

    /// <summary>The Version octet: high nibble major, low nibble minor.</summary>
    public byte Wire { get; }

    public bool Is30 => Wire >= 0x30;

    public int TerminalIdLength => Is30 ? 32 : 21;

    public int ResultLength => Is30 ? 4 : 1;

    /// <summary>Reserve (2.0) or LinkID (3.0) at the end of SUBMIT and DELIVER.</summary>
    public int TrailerLength => Is30 ? 20 : 8;

    /// <summary>2 or 3, as the settings spell it.</summary>
    public int Major => Wire >> 4;

    public static CmppVersion FromMajor(int major) => major switch
    {
        2 => V20,
        3 => V30,
        _ => throw new ArgumentOutOfRangeException(nameof(major), major, "CMPP version must be 2 or 3."),
    };

    public override string ToString() => Is30 ? "CMPP 3.0" : "CMPP 2.0";
}
