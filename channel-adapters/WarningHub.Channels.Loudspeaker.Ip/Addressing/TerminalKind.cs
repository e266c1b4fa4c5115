namespace WarningHub.Channels.Loudspeaker.Ip.Addressing;

/// <summary>How a terminal is reached.</summary>
internal enum TerminalKind
{
    /// <summary><c>rtp://host:port</c>: one RTP stream to one terminal.</summary>
    RtpUnicast,

    /// <summary><c>rtp-multicast://group:port</c>: one RTP stream heard by every terminal in the group.</summary>
    RtpMulticast,

    /// <summary><c>http://host:port/path</c>: the clip is handed over by HTTP and played by the terminal.</summary>
    Http,
}
