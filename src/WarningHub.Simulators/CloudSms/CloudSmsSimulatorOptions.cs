namespace WarningHub.Simulators.CloudSms;

/// <summary>How the simulated cloud SMS platform fails, when told to.</summary>
public enum CloudSmsFault
{
    /// <summary>Answers normally.</summary>
    None,

    /// <summary>Reads the request, then never answers (the client's timeout ends it).</summary>
    Timeout,

    /// <summary>Answers 500 with the platform's isp.SYSTEM_ERROR.</summary>
    ServerError,

    /// <summary>Answers 200 and the first bytes of the body, then the rest never comes in time.</summary>
    SlowBody,

    /// <summary>Reads the whole request, then drops the connection without an answer.</summary>
    Reset,
}

/// <summary>Settings of <see cref="CloudSmsSimulator"/>; the fault settings may be changed while it runs.</summary>
public sealed class CloudSmsSimulatorOptions
{
    /// <summary>The AccessKey id it knows. <value>sim-access-key.</value></summary>
    public string AccessKeyId { get; set; } = "sim-access-key";

    /// <summary>The AccessKey secret requests must be signed with. <value>sim-access-secret-0123456789.</value></summary>
    public string AccessKeySecret { get; set; } = "sim-access-secret-0123456789";

    /// <summary>Most numbers in one send. <value>1000.</value></summary>
    public int MaxBatch { get; set; } = 1000;

    /// <summary>Most send requests per sliding second before isv.BUSINESS_LIMIT_CONTROL (HTTP 429). <value>0 (unlimited).</value></summary>
    public int RateLimitPerSecond { get; set; }

    /// <summary>A receipt is queued for each accepted number. <value>True.</value></summary>
    public bool AutoReceipts { get; set; } = true;

    /// <summary>Numbers ending in this are reported FAILED (UNDELIV) instead of DELIVERED. <value>None.</value></summary>
    public string? FailingSuffix { get; set; }

    /// <summary>The fault in force on sends. <value>None.</value></summary>
    public CloudSmsFault Fault { get; set; }

    /// <summary>
    /// The fault strikes every this many send requests (the 1st, the N+1st, ...), the others are answered normally: a
    /// gateway that fails now and then, as the fault battery needs. <value>1: every request.</value>
    /// </summary>
    public int FaultEvery { get; set; } = 1;

    /// <summary>
    /// The fault strikes after the numbers were taken (recorded, receipts queued): the platform sends them and the
    /// client never learns it. Otherwise it strikes before anything is taken. <value>False.</value>
    /// </summary>
    public bool FaultAfterAccept { get; set; }

    /// <summary>How long requests wait with <see cref="CloudSmsFault.Timeout"/> or between bytes with SlowBody. <value>30 seconds.</value></summary>
    public TimeSpan FaultDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest accepted clock difference of a request's timestamp. <value>5 minutes.</value></summary>
    public TimeSpan AllowedSkew { get; set; } = TimeSpan.FromMinutes(5);
}
