namespace WarningHub.Server.Configuration;

/// <summary>The "WarningHub:Hub" section of config/warninghub.json (engine and adapters have sections of their own).</summary>
public sealed class HubOptions
{
    public const string Section = "WarningHub:Hub";

    /// <summary>The embedded database file.</summary>
    public string DatabasePath { get; set; } = "data/warninghub.db";

    /// <summary>Commit every ledger write with an fsync (survives power loss, slower).</summary>
    public bool SynchronousFull { get; set; }

    /// <summary>Agencies allowed to submit and to read their warnings, each with its API key.</summary>
    public List<AgencyOptions> Agencies { get; set; } = [];

    /// <summary>Largest accepted request body in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The hub's own certificate (a PEM file), with <see cref="SigningKey"/>: CAP the hub composes itself (the document of
    /// a warning submitted as JSON) is served signed with it. None: such documents are served unsigned.
    /// </summary>
    public string? SigningCertificate { get; set; }

    /// <summary>The private key of <see cref="SigningCertificate"/> (a PEM file). A credential: keep the file private.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Sign-in rules for console and API users (`warninghub users`).</summary>
    public UserOptions Users { get; set; } = new();
}

/// <summary>How users sign in: lock-out after repeated failures, and how long a console session lasts.</summary>
public sealed class UserOptions
{
    /// <summary>Failed sign-ins in a row that lock the user out.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked-out user is refused, even with the right password.</summary>
    public TimeSpan LockOutFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a session token is valid after sign-in.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}

/// <summary>Where an agency hears of every state change of its warnings, signed with HMAC-SHA256.</summary>
public sealed class WebhookOptions
{
    /// <summary>The agency's HTTPS (or loopback HTTP) address; empty: no webhook.</summary>
    public string Url { get; set; } = "";

    /// <summary>The HMAC key (at least 16 characters); the agency checks X-WarningHub-Signature with it.</summary>
    public string Secret { get; set; } = "";
}

/// <summary>An issuing agency and the CAP senders it may submit as.</summary>
public sealed class AgencyOptions
{
    /// <summary>Short name, used in logs and in the warning's record (for example "jingyan-weather").</summary>
    public string Name { get; set; } = "";

    /// <summary>The key sent in the X-Api-Key header. Keep it out of the file in production: set it by environment variable.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>CAP senders this agency may use; empty means any.</summary>
    public List<string> Senders { get; set; } = [];

    /// <summary>
    /// Reads every warning, not only its own: for the county emergency bureau's operators, who follow warnings that
    /// came from other agencies and from upstream feeds. False by default: an agency reads what it submitted.
    /// </summary>
    public bool ReadsAll { get; set; }

    /// <summary>
    /// The agency's signing certificate: a PEM or DER file, or the PEM text itself. A signed CAP XML document from the
    /// agency must then carry a valid enveloped signature (RSA-SHA256, exclusive C14N) made with its key.
    /// </summary>
    public string? Certificate { get; set; }

    /// <summary>Refuse the agency's warnings without a valid signature (so also JSON). Needs <see cref="Certificate"/>.</summary>
    public bool SignatureRequired { get; set; }

    /// <summary>CAP event types (<c>info.event</c>, exactly as sent: 暴雨, 山洪…) the agency may send; empty means any.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary>Division codes (county, town or village; 6, 9 or 12 digits) the agency may warn; empty means the whole county.</summary>
    public List<string> Areas { get; set; } = [];

    /// <summary>Optional: state changes of this agency's warnings (pending, approved, rejected, released, expired…) are posted here.</summary>
    public WebhookOptions? Webhook { get; set; }
}
