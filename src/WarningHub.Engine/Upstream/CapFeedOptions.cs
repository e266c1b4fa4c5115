namespace WarningHub.Engine.Upstream;

/// <summary>
/// The "WarningHub:CapFeeds" section: upstream CAP feeds (province and city platforms) polled into intake, and the
/// hub's own CAP Atom feed.
/// </summary>
public sealed class CapFeedOptions
{
    /// <summary>Feeds to poll. <value>None.</value></summary>
    public List<CapUpstreamOptions> Upstreams { get; set; } = [];

    /// <summary>Time allowed for one download (feed or CAP document), body included. <value>10 seconds.</value></summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest feed accepted, in bytes; a larger one is skipped. <value>2 MiB.</value></summary>
    public int MaxFeedBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Largest CAP document accepted, in bytes. <value>1 MiB.</value></summary>
    public int MaxDocumentBytes { get; set; } = 1024 * 1024;

    /// <summary>Entries remembered per upstream so they are not fetched again (intake dedup is the real guard). <value>2000.</value></summary>
    public int RememberedEntries { get; set; } = 2000;

    /// <summary>The author of the hub's own CAP feed. <value>井研县应急管理局.</value></summary>
    public string Publisher { get; set; } = "井研县应急管理局";

    /// <summary>The permanent id of the hub's own CAP feed (an IRI); entry ids append the warning id. <value>urn:warninghub:cap.</value></summary>
    public string FeedId { get; set; } = "urn:warninghub:cap";

    /// <summary>Most entries in the hub's own CAP feed, newest first. <value>50.</value></summary>
    public int MaxPublishedEntries { get; set; } = 50;
}

/// <summary>One upstream CAP feed (Atom or RSS 2.0).</summary>
public sealed class CapUpstreamOptions
{
    /// <summary>Short name for logs, e.g. "sichuan-province".</summary>
    public string Name { get; set; } = "";

    /// <summary>The feed's absolute http or https URL.</summary>
    public string Url { get; set; } = "";

    /// <summary>The agency its warnings are submitted as (recorded as the warning's submitter).</summary>
    public string Agency { get; set; } = "";

    /// <summary>Time between two polls. <value>1 minute.</value></summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>CAP senders taken from this feed; "*" takes any. At least one is required. <value>None.</value></summary>
    public List<string> AllowedSenders { get; set; } = [];

    /// <summary>
    /// Hosts CAP documents may be fetched from besides the feed's own host (scheme, host and port of the feed);
    /// a link elsewhere is skipped, so a feed cannot make the hub fetch arbitrary addresses. <value>None.</value>
    /// </summary>
    public List<string> LinkHosts { get; set; } = [];

    /// <summary>True when warnings of <paramref name="sender"/> are taken from this feed.</summary>
    public bool Allows(string sender) => AllowedSenders.Contains("*") || AllowedSenders.Contains(sender, StringComparer.Ordinal);
}
