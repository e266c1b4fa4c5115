namespace WarningHub.Channels.Sms.Cmpp;

/// <summary>Settings of one CMPP gateway (one ISMG account). Checked at start-up by <see cref="CmppOptionsValidator"/>.</summary>
public sealed class CmppOptions
{
    /// <summary>The ISMG's host name or address.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>The ISMG's TCP port. <value>7890 (long connections).</value></summary>
    public int Port { get; set; } = 7890;

    /// <summary>Protocol version: 2 (CMPP 2.0) or 3 (CMPP 3.0). <value>3.</value></summary>
    public int Version { get; set; } = 3;

    /// <summary>The SP id (企业代码), exactly 6 characters: Source_Addr of CONNECT and Msg_src of SUBMIT.</summary>
    public string SourceAddr { get; set; } = string.Empty;

    /// <summary>The shared secret the operator issued with the SP id.</summary>
    public string SharedSecret { get; set; } = string.Empty;

    /// <summary>Service_Id of SUBMIT (业务代码), at most 10 characters. <value>Empty.</value></summary>
    public string ServiceId { get; set; } = string.Empty;

    /// <summary>Src_Id of SUBMIT: the access number (接入号, e.g. 106571234), digits, at most 21.</summary>
    public string SrcId { get; set; } = string.Empty;

    /// <summary>TCP connections kept open; sends are spread over the connected ones. <value>1.</value></summary>
    public int Binds { get; set; } = 1;

    /// <summary>Most SUBMITs awaiting SUBMIT_RESP on one connection (the specification's sliding window). <value>16.</value></summary>
    public int Window { get; set; } = 16;

    /// <summary>Most SUBMITs per sliding second over all connections; never exceeded. <value>0 (unlimited).</value></summary>
    public int RateLimitPerSecond { get; set; }

    /// <summary>Ask for status reports (Registered_Delivery = 1) when the hub wants a receipt. <value>true.</value></summary>
    public bool RegisteredDelivery { get; set; } = true;

    /// <summary>Prefixed to every text that does not already start with it, e.g. 【井研县应急管理局】. <value>None.</value></summary>
    public string? Signature { get; set; }

    /// <summary>Longest text in message parts; longer texts fail permanently. <value>10.</value></summary>
    public int MaxParts { get; set; } = 10;

    /// <summary>Time allowed for the TCP connect and for CONNECT_RESP. <value>10 seconds.</value></summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The specification's T: a request unanswered this long is sent again. <value>60 seconds.</value></summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The specification's N: resends of an unanswered request before the link counts as broken. <value>3.</value></summary>
    public int MaxResends { get; set; } = 3;

    /// <summary>The specification's C: idle time after which ACTIVE_TEST is sent. <value>3 minutes.</value></summary>
    public TimeSpan ActiveTestInterval { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>First reconnect delay; doubled per failure, with jitter. <value>1 second.</value></summary>
    public TimeSpan ReconnectMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay. <value>60 seconds.</value></summary>
    public TimeSpan ReconnectMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>First pause after Result 8 (flow control); doubled while it goes on. <value>200 milliseconds.</value></summary>
    public TimeSpan ThrottlePause { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many times one part is resubmitted after Result 8 before the send fails temporarily. <value>50.</value></summary>
    public int ThrottleMaxAttempts { get; set; } = 50;

    /// <summary>Refuse an ISMG whose AuthenticatorISMG does not prove it knows the secret. <value>false (many gateways send zeros).</value></summary>
    public bool VerifyIsmgAuthenticator { get; set; }

    /// <summary>The ISMG's clock offset from UTC: CONNECT timestamps and report times are in it. <value>+8 hours (Beijing time).</value></summary>
    public TimeSpan IsmgUtcOffset { get; set; } = TimeSpan.FromHours(8);
}
