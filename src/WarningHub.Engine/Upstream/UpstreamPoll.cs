using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Core.Cap;
using WarningHub.Engine.Intake;

namespace WarningHub.Engine.Upstream;

/// <summary>
/// One poll of one upstream feed: reads the feed, fetches the CAP document of each entry not seen before, and
/// submits the alerts through intake as the upstream's agency, oldest first (so an alert is known before the
/// Update or Cancel that references it). Whatever the feed does wrong is logged and skipped.
/// </summary>
public sealed partial class UpstreamPoll : IDisposable
{
    /// <summary>Failed fetches of one entry before it is given up.</summary>
    public const int MaxAttempts = 3;

    private readonly WarningIntake _intake;
    private readonly CapFeedOptions _options;
    private readonly ILogger<UpstreamPoll> _logger;
    private readonly HttpClient _http;
    private readonly BoundedDownloader _downloader;
    private readonly ConcurrentDictionary<string, SeenEntries> _seen = new(StringComparer.Ordinal);

    public UpstreamPoll(WarningIntake intake, IOptions<CapFeedOptions> options, TimeProvider time, ILogger<UpstreamPoll> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _intake = intake;
        _options = options.Value;
        _logger = logger;
        // Redirects are not followed: a feed must not send the hub to an address nobody configured.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = _options.RequestTimeout })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("WarningHub-CapFeeds");
        _downloader = new BoundedDownloader(_http, time);
    }

    /// <summary>Entries of <paramref name="upstream"/> dealt with so far (remembered, within the bound).</summary>
    public int Remembered(string upstream) => _seen.TryGetValue(upstream, out var s) ? s.Count : 0;

    public async Task RunAsync(CapUpstreamOptions upstream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        var seen = _seen.GetOrAdd(upstream.Name, _ => new SeenEntries(_options.RememberedEntries));
        var feedUrl = new Uri(upstream.Url);
        var download = await _downloader.GetAsync(feedUrl, _options.MaxFeedBytes, _options.RequestTimeout, cancellationToken);
        if (!download.Succeeded)
        {
            _logger.LogWarning("Upstream {Upstream}: feed not read: {Problem}", upstream.Name, download.Problem);
            return;
        }
        var feed = UpstreamFeedReader.Read(download.Body!, feedUrl, _options.MaxFeedBytes);
        if (feed.Problem is not null)
        {
            _logger.LogWarning("Upstream {Upstream}: feed refused: {Problem}", upstream.Name, feed.Problem);
            return;
        }

        var alerts = new List<(UpstreamEntry Entry, CapAlert Alert)>();
        foreach (var entry in feed.Entries.Where(e => !seen.Contains(e.Key)).DistinctBy(e => e.Key))
        {
            var alert = await AlertOfAsync(upstream, entry, seen, cancellationToken);
            if (alert is not null) alerts.Add((entry, alert));
        }
        foreach (var (entry, alert) in alerts.OrderBy(a => a.Alert.Sent).ThenBy(a => a.Alert.MsgType))
        {
            var result = await _intake.SubmitAsync(alert, upstream.Agency, cancellationToken);
            LogOutcome(upstream, entry, alert, result);
            // Nothing was stored while the hub cannot plan: the entry is taken again at the next poll.
            if (result.Outcome != IntakeOutcome.Unavailable) seen.Remember(entry.Key);
        }
    }

    public void Dispose() => _http.Dispose();
}
