using Microsoft.Extensions.Logging;
using WarningHub.Core.Cap;
using WarningHub.Engine.Intake;

namespace WarningHub.Engine.Upstream;

public sealed partial class UpstreamPoll
{
    /// <summary>The valid alert of an entry from an allowed sender, or null (logged; remembered unless worth retrying).</summary>
    private async Task<CapAlert?> AlertOfAsync(CapUpstreamOptions upstream, UpstreamEntry entry, SeenEntries seen, CancellationToken cancellationToken)
    {
        var readOptions = new CapReadOptions { MaxDocumentLength = _options.MaxDocumentBytes };
        CapReadResult parsed;
        if (entry.InlineCap is not null)
        {
            parsed = CapXmlReader.Read(entry.InlineCap, readOptions);
        }
        else if (entry.CapLink is null)
        {
            return Skip(upstream, entry, seen, "the entry has no CAP document (no link, no inline alert)");
        }
        else if (!MayFetch(upstream, entry.CapLink))
        {
            return Skip(upstream, entry, seen, $"its CAP link {entry.CapLink} is on a host that is not allowed");
        }
        else
        {
            var download = await _downloader.GetAsync(entry.CapLink, _options.MaxDocumentBytes, _options.RequestTimeout, cancellationToken);
            if (!download.Succeeded)
            {
                if (download.WorthRetrying && seen.Failed(entry.Key) < MaxAttempts)
                {
                    _logger.LogWarning("Upstream {Upstream}: entry {Entry}: {Link}: {Problem}; tried again at the next poll",
                        upstream.Name, entry.Id, entry.CapLink, download.Problem);
                    return null;
                }
                return Skip(upstream, entry, seen, $"{entry.CapLink}: {download.Problem}");
            }
            using var body = new MemoryStream(download.Body!, writable: false);
            parsed = CapXmlReader.Read(body, readOptions);
        }
        if (!parsed.IsValid)
            return Skip(upstream, entry, seen, "not a valid CAP 1.2 alert: " + string.Join("; ", parsed.Problems.Take(5).Select(p => $"{p.Path}: {p.Reason}")));
        var alert = parsed.Alert!;
        if (!upstream.Allows(alert.Sender))
            return Skip(upstream, entry, seen, $"sender '{alert.Sender}' is not among the senders allowed from this feed");
        return alert;
    }

    private CapAlert? Skip(CapUpstreamOptions upstream, UpstreamEntry entry, SeenEntries seen, string why)
    {
        _logger.LogWarning("Upstream {Upstream}: entry {Entry} skipped: {Why}", upstream.Name, entry.Id, why);
        seen.Remember(entry.Key);
        return null;
    }

    private static bool MayFetch(CapUpstreamOptions upstream, Uri link)
    {
        if (link.Scheme != Uri.UriSchemeHttp && link.Scheme != Uri.UriSchemeHttps) return false;
        var feed = new Uri(upstream.Url);
        if (Uri.Compare(feed, link, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0) return true;
        return upstream.LinkHosts.Contains(link.Host, StringComparer.OrdinalIgnoreCase);
    }

    private void LogOutcome(CapUpstreamOptions upstream, UpstreamEntry entry, CapAlert alert, IntakeResult result)
    {
        switch (result.Outcome)
        {
            case IntakeOutcome.Accepted:
                _logger.LogInformation("Upstream {Upstream}: {MsgType} {Identifier} from {Sender} accepted as {PublicId}",
                    upstream.Name, alert.MsgType, alert.Identifier, alert.Sender, result.Warning!.PublicId);
                break;
            case IntakeOutcome.Duplicate:
                _logger.LogDebug("Upstream {Upstream}: {Identifier} from {Sender} is already known", upstream.Name, alert.Identifier, alert.Sender);
                break;
            default:
                _logger.LogWarning("Upstream {Upstream}: entry {Entry} ({Identifier} from {Sender}) {Outcome}: {Problems}", upstream.Name, entry.Id,
                    alert.Identifier, alert.Sender, result.Outcome, string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Reason}")));
                break;
        }
    }
}
