namespace WarningHub.Channels.Sms.Smpp;

/// <summary>Settings of one SMPP gateway (one SMSC account). Checked at start-up by <see cref="SmppOptionsValidator"/>.</summary>
public sealed class SmppOptions
{
    /// <summary>The SMSC's host name or address.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>The SMSC's TCP port. <value>2775.</value></summary>
    public int Port { get; set; } = 2775;

    /// <summary>The account (system_id), at most 15 characters.</summary>
    public string SystemId { get; set; } = string.Empty;

    /// <summary>The account's password, at most 8 characters.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>system_type of the bind, at most 12 characters. <value>Empty.</value></summary>
    public string SystemType { get; set; } = string.Empty;

    /// <summary>Transceiver (receipts on the same connection) or transmitter. <value>Transceiver.</value></summary>
    public SmppBindMode BindMode { get; set; } = SmppBindMode.Transceiver;

    /// <summary>TCP connections (binds) the gateway keeps; sends are spread over the live ones. <value>1.</value></summary>
    public int Binds { get; set; } = 1;

    /// <summary>Most submit_sm awaiting their response on one bind. <value>64.</value></summary>
    public int Window { get; set; } = 64;

    /// <summary>source_addr: the sender number or code shown to recipients, at most 20 characters.</summary>
    public string SourceAddress { get; set; } = string.Empty;

    /// <summary>source_addr_ton. <value>0 (unknown).</value></summary>
    public byte SourceTon { get; set; }

    /// <summary>source_addr_npi. <value>0 (unknown).</value></summary>
    public byte SourceNpi { get; set; }

    /// <summary>dest_addr_ton. <value>0 (unknown), as most Chinese SMSCs expect national numbers.</value></summary>
    public byte DestinationTon { get; set; }

    /// <summary>dest_addr_npi. <value>1 (E.164/ISDN).</value></summary>
    public byte DestinationNpi { get; set; } = 1;

    /// <summary>service_type of submit_sm, at most 5 characters. <value>Empty (SMSC default).</value></summary>
    public string ServiceType { get; set; } = string.Empty;

    /// <summary>Prefixed to every text that does not already start with it, e.g. 【井研县应急管理局】. <value>None.</value></summary>
    public string? Signature { get; set; }

    /// <summary>Carry concatenation in sar_* TLVs instead of a user data header. <value>false (UDH).</value></summary>
    public bool UseSarTlvs { get; set; }

    /// <summary>
    /// Size of the concatenation reference in the UDH: 16 (IEI 0x08, parts of 152 GSM-7 / 66 UCS-2 characters) or
    /// 8 (IEI 0x00, parts of 153 / 67). 16 bits make a reference clash on one handset far less likely. <value>16.</value>
    /// </summary>
    public int ConcatenationReferenceBits { get; set; } = 16;

    /// <summary>
    /// Send a long text as one submit_sm carrying the whole text in the message_payload TLV instead of parts (only for
    /// SMSCs that split it themselves). It takes precedence: with it, <see cref="UseSarTlvs"/> and
    /// <see cref="ConcatenationReferenceBits"/> do not apply. <value>false.</value>
    /// </summary>
    public bool UseMessagePayload { get; set; }

    /// <summary>
    /// How long the gateway remembers the parts of a message the SMSC already accepted, so that a resend of the same
    /// slot after a lost link reuses the concatenation reference and sends only the missing parts. <value>12 hours.</value>
    /// </summary>
    public TimeSpan ResendMemoryTtl { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Whether the SMSC answers query_sm, used for receipts lost with a dropped link. When it answers generic_nack or
    /// ESME_RINVCMDID the gateway stops asking until restarted. <value>true.</value>
    /// </summary>
    public bool SupportsQuerySm { get; set; } = true;

    /// <summary>registered_delivery when a receipt is requested. <value>1 (receipt on final success or failure).</value></summary>
    public byte RegisteredDelivery { get; set; } = 1;

    /// <summary>Most submit_sm per sliding second over all binds; never exceeded. <value>0 (unlimited).</value></summary>
    public int RateLimitPerSecond { get; set; }

    /// <summary>Longest text in message parts; longer texts fail permanently. <value>10.</value></summary>
    public int MaxParts { get; set; } = 10;

    /// <summary>Time allowed for the TCP connect. <value>10 seconds.</value></summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Idle time after which enquire_link is sent. <value>30 seconds.</value></summary>
    public TimeSpan EnquireLinkInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for any response (bind, submit_sm, enquire_link, unbind). <value>10 seconds.</value></summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First reconnect delay; doubled per failure, with jitter. <value>1 second.</value></summary>
    public TimeSpan ReconnectMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay. <value>60 seconds.</value></summary>
    public TimeSpan ReconnectMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>First pause after the SMSC throttles; doubled while throttling goes on. <value>200 milliseconds.</value></summary>
    public TimeSpan ThrottlePause { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one part may be resubmitted after throttling before the send fails temporarily. <value>30 seconds.</value></summary>
    public TimeSpan ThrottleMaxWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times one part may be resubmitted after throttling. <value>50.</value></summary>
    public int ThrottleMaxAttempts { get; set; } = 50;

    /// <summary>How receipt ids relate to submit_sm_resp ids. <value>AsIs.</value></summary>
    public ReceiptIdFormat ReceiptIdFormat { get; set; } = ReceiptIdFormat.AsIs;

    /// <summary>The SMSC's clock offset from UTC, for the "done date" of receipts. <value>+8 hours (Beijing time).</value></summary>
    public TimeSpan SmscUtcOffset { get; set; } = TimeSpan.FromHours(8);
}
