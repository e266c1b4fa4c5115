namespace WarningHub.Channels.Sms.Sgip;

/// <summary>Settings of one SGIP gateway (one China Unicom SMG account). Checked at start-up by <see cref="SgipOptionsValidator"/>.</summary>
public sealed class SgipOptions
{
    /// <summary>The SMG's host name or address.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>The SMG's TCP port. <value>8801.</value></summary>
    public int Port { get; set; } = 8801;

    /// <summary>Login Name of Bind (type 1), as the operator issued it, at most 16 characters.</summary>
    public string LoginName { get; set; } = string.Empty;

    /// <summary>Login Password of Bind (type 1), at most 16 characters.</summary>
    public string LoginPassword { get; set; } = string.Empty;

    /// <summary>SPNumber of Submit: the access number (接入号) shown to recipients, digits, at most 21.</summary>
    public string SpNumber { get; set; } = string.Empty;

    /// <summary>CorpId of Submit: the SP's corporation code (企业代码), 5 digits.</summary>
    public string CorpId { get; set; } = string.Empty;

    /// <summary>ServiceType of Submit (业务代码), at most 10 characters. <value>Empty.</value></summary>
    public string ServiceType { get; set; } = string.Empty;

    /// <summary>
    /// The SP's node id, the first 4 octets of every Sequence Number (3 + area code + CorpId, e.g. 3053112345).
    /// <value>0: 3000000000 + CorpId.</value>
    /// </summary>
    public long NodeId { get; set; }

    /// <summary>TCP connections to the SMG kept open for Submits; sends are spread over the bound ones. <value>1.</value></summary>
    public int Binds { get; set; } = 1;

    /// <summary>Most Submits awaiting Submit_Resp on one connection. <value>16.</value></summary>
    public int Window { get; set; } = 16;

    /// <summary>Most Submits per sliding second over all connections; never exceeded. <value>0 (unlimited).</value></summary>
    public int RateLimitPerSecond { get; set; }

    /// <summary>ReportFlag of Submit when the hub wants a receipt: 0 on failure only, 1 always, 2 never. <value>1.</value></summary>
    public int ReportFlag { get; set; } = 1;

    /// <summary>The local address the SMG's own connection (Deliver, Report) comes to. <value>0.0.0.0 (every interface).</value></summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>The local port the SMG connects to with Bind type 2 for Deliver and Report; 0 picks a free one (tests). <value>8801.</value></summary>
    public int ListenPort { get; set; } = 8801;

    /// <summary>Login Name the SMG must give when it binds to us. <value>Empty: the same as <see cref="LoginName"/>.</value></summary>
    public string SmgLoginName { get; set; } = string.Empty;

    /// <summary>Login Password the SMG must give when it binds to us. <value>Empty: the same as <see cref="LoginPassword"/>.</value></summary>
    public string SmgLoginPassword { get; set; } = string.Empty;

    /// <summary>Prefixed to every text that does not already start with it, e.g. 【井研县应急管理局】. <value>None.</value></summary>
    public string? Signature { get; set; }

    /// <summary>Longest text in message parts; longer texts fail permanently. <value>10.</value></summary>
    public int MaxParts { get; set; } = 10;

    /// <summary>Time allowed for the TCP connect and for Bind_Resp. <value>10 seconds.</value></summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A request unanswered this long is sent again (or, with no resends left, the link counts as broken). <value>30 seconds.</value></summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Resends of an unanswered request, the same PDU under the same Sequence Number. <value>0 (SGIP defines no resend).</value></summary>
    public int MaxResends { get; set; }

    /// <summary>
    /// SGIP has no link test: a connection silent this long is closed with Unbind and bound again at once, before the
    /// SMG cuts it silently. <value>50 seconds.</value>
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>First reconnect delay; doubled per failure, with jitter. <value>1 second.</value></summary>
    public TimeSpan ReconnectMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay. <value>60 seconds.</value></summary>
    public TimeSpan ReconnectMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>First pause after Result 11 (node busy); doubled while it goes on. <value>200 milliseconds.</value></summary>
    public TimeSpan ThrottlePause { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many times one part is resubmitted after Result 11 before the send fails temporarily. <value>50.</value></summary>
    public int ThrottleMaxAttempts { get; set; } = 50;

    /// <summary>The SMG's clock offset from UTC: Sequence Number times are in it. <value>+8 hours (Beijing time).</value></summary>
    public TimeSpan SmgUtcOffset { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The node id in use: <see cref="NodeId"/>, or 3000000000 + CorpId.</summary>
    internal uint EffectiveNodeId => NodeId > 0 ? (uint)NodeId : 3_000_000_000u + (uint.TryParse(CorpId, out var corp) ? corp : 0u);

    internal string InboundLoginName => SmgLoginName.Length > 0 ? SmgLoginName : LoginName;

    internal string InboundLoginPassword => SmgLoginPassword.Length > 0 ? SmgLoginPassword : LoginPassword;
}
