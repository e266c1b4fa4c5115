namespace WarningHub.Channels.WeChat;

/// <summary>Settings of the WeCom (企业微信) group robots that reach officers' groups. Checked by <see cref="WeComRobotOptionsValidator"/>.</summary>
public sealed class WeComRobotOptions
{
    /// <summary>Where the WeCom API lives; tests point it at the simulator. <value>https://qyapi.weixin.qq.com/.</value></summary>
    public Uri ApiBase { get; set; } = new("https://qyapi.weixin.qq.com/");

    /// <summary>
    /// The robots by name → the <c>key</c> of its webhook URL. One robot per town's officers' group, named by the town's
    /// 12-digit division code (e.g. <c>511124100000</c>): the planner addresses town robots by that code. Keys are
    /// credentials: never logged.
    /// </summary>
    public Dictionary<string, string> Robots { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whom each robot @-mentions in every message it posts: robot name → mobile numbers of the group's members, or
    /// <c>@all</c> for everyone in the group (a 叫应 needs the officers to see that it is addressed to them). Mobiles in
    /// a message's <see cref="WarningHub.Abstractions.MessageFields.MentionedMobiles"/> are mentioned as well, after
    /// these. Mobiles are personal data: never logged unmasked. <value>Empty: only the message's own mentions.</value>
    /// </summary>
    public Dictionary<string, List<string>> Mentions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Most messages per robot in any sliding minute; WeCom allows 20. <value>20.</value></summary>
    public int PerRobotPerMinute { get; set; } = 20;

    /// <summary>
    /// Send markdown instead of text. Markdown cannot @-mention by mobile, so a message with mobiles to mention is
    /// still sent as text. <value>false.</value>
    /// </summary>
    public bool Markdown { get; set; }

    /// <summary>
    /// How long a send may wait for its robot's window; beyond it the send fails temporarily with RetryAfter.
    /// <value>10 seconds.</value>
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for one HTTP request. <value>10 seconds.</value></summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
