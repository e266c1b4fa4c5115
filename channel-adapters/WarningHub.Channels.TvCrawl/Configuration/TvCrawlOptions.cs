namespace WarningHub.Channels.TvCrawl;

/// <summary>The "WarningHub:Tv" section: the TV channels that show warnings as scrolling captions (滚动字幕).</summary>
public sealed class TvCrawlOptions
{
    /// <summary>The channels; each has a pull feed, and a push when it has a <see cref="TvChannelOptions.PushUrl"/>. <value>None.</value></summary>
    public List<TvChannelOptions> Channels { get; set; } = [];

    /// <summary>Time allowed for one push to a station, answer included. <value>10 seconds.</value></summary>
    public TimeSpan PushTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Pushes outstanding at once over all stations. <value>4.</value></summary>
    public int MaxInFlight { get; set; } = 4;

    /// <summary>The channel named <paramref name="name"/> (names compare without case), or null.</summary>
    public TvChannelOptions? Find(string name) =>
        Channels.Find(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One TV channel (a station's caption generator or cable head-end).</summary>
public sealed class TvChannelOptions
{
    /// <summary>
    /// Short name, used in feed URLs (<c>/api/v1/feeds/tv/{Name}.json</c>) and as the ledger address of pushes:
    /// letters, digits, '-' and '_'.
    /// </summary>
    public string Name { get; set; } = "";

    /// <summary>The longest caption the channel shows, in characters. <value>120.</value></summary>
    public int MaxLength { get; set; } = 120;

    /// <summary>Where captions are pushed (HTTP POST); null for a channel that only pulls the feed. <value>Null.</value></summary>
    public string? PushUrl { get; set; }

    /// <summary>How pushes are written. <value><see cref="TvPushProfile.HttpJson"/>.</value></summary>
    public TvPushProfile Profile { get; set; } = TvPushProfile.HttpJson;

    /// <summary>
    /// The shared secret the station sends in the <c>X-Tv-Secret</c> header of its on-air confirmations; null
    /// refuses every confirmation for this channel. Keep it out of the file: set it by environment variable.
    /// </summary>
    public string? CallbackSecret { get; set; }
}

/// <summary>The wire format of a caption push.</summary>
public enum TvPushProfile
{
    /// <summary>
    /// POST application/json <c>{"reference","channel","warningId","caption","level","event","expires"}</c>;
    /// a 2xx answer carries <c>{"id":"…"}</c>, the station's id quoted again in its on-air confirmation.
    /// </summary>
    HttpJson,
}
