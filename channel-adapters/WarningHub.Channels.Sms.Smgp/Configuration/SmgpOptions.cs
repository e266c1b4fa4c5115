namespace WarningHub.Channels.Sms.Smgp;

/// <summary>Settings of one SMGP gateway (one China Telecom SMGW account). Checked at start-up by <see cref="SmgpOptionsValidator"/>.</summary>
public sealed class SmgpOptions
{
    /// <summary>The SMGW's host name or address.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>The SMGW's TCP port. <value>8890.</value></summary>
    public int Port { get; set; } = 8890;

    /// <summary>ClientID of Login, as the operator issued it, at most 8 characters.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The shared secret of the ClientID, for the MD5 authenticator.</summary>
    public string SharedSecret { get; set; } = string.Empty;

    /// <summary>The SP's id (企业代码), sent as the MsgSrc TLV of Submit when set, at most 8 characters. <value>Empty (not sent).</value></summary>
    public string SpId { get; set; } = string.Empty;

    /// <summary>SrcTermID of Submit: the access number (接入号) shown to recipients, digits, at most 21.</summary>
    public string SrcTermId { get; set; } = string.Empty;

    /// <summary>ServiceID of Submit (业务代码), at most 10 characters. <value>Empty.</value></summary>
    public string ServiceId { get; set; } = string.Empty;

    /// <summary>TCP connections kept open; sends are spread over the logged-in ones. <value>1.</value></summary>
    public int Binds { get; set; } = 1;

    /// <summary>Most Submits awaiting Submit_Resp on one connection. <value>16.</value></summary>
    public int Window { get; set; } = 16;

    /// <summary>Most Submits per sliding second over all connections; never exceeded. <value>0 (unlimited).</value></summary>
    public int RateLimitPerSecond { get; set; }

    /// <summary>Ask for status reports (NeedReport = 1) when the hub wants a receipt. <value>true.</value></summary>
    public bool NeedReport { get; set; } = true;

    /// <summary>Prefixed to every text that does not already start with it, e.g. 【井研县应急管理局】. <value>None.</value></summary>
    public string? Signature { get; set; }

    /// <summary>Longest text in message parts; longer texts fail permanently. <value>10.</value></summary>
    public int MaxParts { get; set; } = 10;

    /// <summary>Time allowed for the TCP connect and for Login_Resp. <value>10 seconds.</value></summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A request unanswered this long is sent again. <value>60 seconds.</value></summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Resends of an unanswered request before the link counts as broken. <value>3.</value></summary>
    public int MaxResends { get; set; } = 3;

    /// <summary>Idle time after which Active_Test is sent. <value>3 minutes.</value></summary>
    public TimeSpan ActiveTestInterval { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>First reconnect delay; doubled per failure, with jitter. <value>1 second.</value></summary>
    public TimeSpan ReconnectMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay. <value>60 seconds.</value></summary>
    public TimeSpan ReconnectMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>First pause after Status 1 (system busy); doubled while it goes on. <value>200 milliseconds.</value></summary>
    public TimeSpan ThrottlePause { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many times one part is resubmitted after Status 1 before the send fails temporarily. <value>50.</value></summary>
    public int ThrottleMaxAttempts { get; set; } = 50;

    /// <summary>Refuse an SMGW whose AuthenticatorServer does not prove it knows the secret. <value>false (many gateways send zeros).</value></summary>
    public bool VerifyServerAuthenticator { get; set; }

    /// <summary>The SMGW's clock offset from UTC: Login's timestamp is in it. <value>+8 hours (Beijing time).</value></summary>
    public TimeSpan SmgwUtcOffset { get; set; } = TimeSpan.FromHours(8);
}
