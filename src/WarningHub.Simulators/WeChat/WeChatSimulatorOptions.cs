namespace WarningHub.Simulators.WeChat;

/// <summary>How the simulated WeChat and WeCom APIs behave. Fixed once the simulator starts, except where noted.</summary>
public sealed class WeChatSimulatorOptions
{
    /// <summary>The AppID the token endpoint accepts. <value>wx5117a1d2c3e4f501.</value></summary>
    public string AppId { get; set; } = "wx5117a1d2c3e4f501";

    /// <summary>The AppSecret the token endpoint accepts. <value>simulated-app-secret.</value></summary>
    public string AppSecret { get; set; } = "simulated-app-secret";

    /// <summary>expires_in of issued tokens; they really expire then. <value>7200 seconds.</value></summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(7200);

    /// <summary>How long the older tokens stay valid after a new one is issued, as WeChat documents. <value>5 minutes.</value></summary>
    public TimeSpan TokenOverlap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Template ids that exist; others get 40037. <value>Empty: every id exists.</value></summary>
    public ISet<string> TemplateIds { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The account's followers, when the simulator runs as one of several accounts (a city's and a county's, each its own
    /// simulator with its own AppId, secret and callback token): an openid not here is another account's, and a send
    /// to it gets 40003 as WeChat answers. <value>Empty: any well-formed openid is a follower.</value>
    /// </summary>
    public ISet<string> Followers { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>openids that do not follow the account: sends to them get 43004.</summary>
    public ISet<string> UnsubscribedOpenIds { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>openids that refuse the account's messages: accepted, then the event says "failed:user block".</summary>
    public ISet<string> BlockingOpenIds { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Accepted template sends per Beijing day; beyond it 45009. <value>0 (unlimited).</value></summary>
    public int DailyQuota { get; set; }

    /// <summary>Fraction of template sends answered -1 (system busy). <value>0.</value></summary>
    public double BusyRate { get; set; }

    /// <summary>Fraction of accepted sends whose event says "failed: system failed". <value>0.</value></summary>
    public double SystemFailedRate { get; set; }

    /// <summary>Seed of the randomness, so the same sends fail on every run. <value>1.</value></summary>
    public int Seed { get; set; } = 1;

    /// <summary>Where TEMPLATESENDJOBFINISH events are posted (the hub's callback URL). <value>None: no events.</value></summary>
    public Uri? CallbackUrl { get; set; }

    /// <summary>The Token of the server configuration, which signs the callbacks. <value>simtoken2024.</value></summary>
    public string CallbackToken { get; set; } = "simtoken2024";

    /// <summary>Delay between accepting a send and posting its event. <value>Zero.</value></summary>
    public TimeSpan CallbackDelay { get; set; }

    /// <summary>Robot keys that exist; others get 93000. <value>Empty: every key exists.</value></summary>
    public ISet<string> WeComKeys { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Messages per robot key per sliding minute before 45009. <value>20, as WeCom documents.</value></summary>
    public int WeComPerKeyPerMinute { get; set; } = 20;
}
