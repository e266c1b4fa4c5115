namespace WarningHub.Channels.Voice;

/// <summary>How the hub authenticates its call requests to a voice gateway.</summary>
public enum VoiceAuth
{
    /// <summary>Each request is signed: HMAC-SHA256 with <see cref="VoiceGatewayOptions.Secret"/> (see <see cref="VoiceSignature"/>).</summary>
    Hmac = 0,

    /// <summary>Each request carries <see cref="VoiceGatewayOptions.ApiKey"/> in the header <see cref="VoiceGatewayOptions.ApiKeyHeader"/>.</summary>
    HeaderKey = 1,
}

/// <summary>
/// Settings of one HTTP voice-notification gateway (语音通知), section <c>WarningHub:Voice:&lt;name&gt;</c>. Checked by
/// <see cref="VoiceGatewayOptionsValidator"/>.
/// </summary>
public sealed class VoiceGatewayOptions
{
    /// <summary>Where call requests are POSTed (http or https). <value>Required.</value></summary>
    public Uri? Url { get; set; }

    /// <summary>How requests are authenticated. <value><see cref="VoiceAuth.Hmac"/>.</value></summary>
    public VoiceAuth Auth { get; set; } = VoiceAuth.Hmac;

    /// <summary>
    /// The shared secret: signs requests (with <see cref="VoiceAuth.Hmac"/>) and always checks the gateway's signed result
    /// callbacks. At least 16 characters. A credential: never logged. <value>Required.</value>
    /// </summary>
    public string Secret { get; set; } = "";

    /// <summary>The key sent with <see cref="VoiceAuth.HeaderKey"/>. A credential: never logged. <value>Empty.</value></summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The header that carries <see cref="ApiKey"/>. <value>X-Api-Key.</value></summary>
    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>The number shown to the called officer (显号), as the operator registered it: 5 to 20 digits. <value>Required.</value></summary>
    public string CallerId { get; set; } = "";

    /// <summary>
    /// What the call speaks: <c>{text}</c> is replaced by the hub's text (the warning's headline, marked for drills).
    /// <value>"{text}。确认收到请按1。" — the headline and "press 1 to confirm".</value>
    /// </summary>
    public string TtsTemplate { get; set; } = "{text}。确认收到请按1。";

    /// <summary>Most call requests a second (the contracted rate); requests beyond it wait their turn. <value>5.</value></summary>
    public int RateLimitPerSecond { get; set; } = 5;

    /// <summary>How long one HTTP request may take. <value>10 seconds.</value></summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest a call may last before the gateway hangs up. <value>60 seconds.</value></summary>
    public TimeSpan MaxCallDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times the text is played in one call. <value>2.</value></summary>
    public int PlaybackRepeats { get; set; } = 2;

    /// <summary>
    /// Where the gateway posts each call's result. The hub sets it to its own callback endpoint for this gateway
    /// (<c>/api/v1/callbacks/voice/&lt;name&gt;</c> under its public base URL) unless given. <value>Null.</value>
    /// </summary>
    public Uri? CallbackUrl { get; set; }
}
