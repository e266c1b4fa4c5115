using Microsoft.Extensions.Options;

namespace WarningHub.Engine.Upstream;

/// <summary>Reports every invalid CAP feed setting at start-up, naming the setting.</summary>
public sealed class CapFeedOptionsValidator : IValidateOptions<CapFeedOptions>
{
    public ValidateOptionsResult Validate(string? name, CapFeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.RequestTimeout < TimeSpan.FromMilliseconds(100) || options.RequestTimeout > TimeSpan.FromMinutes(5))
            failures.Add($"{nameof(CapFeedOptions.RequestTimeout)} must be between 100 ms and 5 minutes (was {options.RequestTimeout}).");
        if (options.MaxFeedBytes is < 1024 or > 64 * 1024 * 1024)
            failures.Add($"{nameof(CapFeedOptions.MaxFeedBytes)} must be between 1 KiB and 64 MiB (was {options.MaxFeedBytes}).");
        if (options.MaxDocumentBytes is < 1024 or > 16 * 1024 * 1024)
            failures.Add($"{nameof(CapFeedOptions.MaxDocumentBytes)} must be between 1 KiB and 16 MiB (was {options.MaxDocumentBytes}).");
        if (options.RememberedEntries is < 10 or > 1_000_000)
            failures.Add($"{nameof(CapFeedOptions.RememberedEntries)} must be between 10 and 1000000 (was {options.RememberedEntries}).");
        if (string.IsNullOrWhiteSpace(options.Publisher)) failures.Add($"{nameof(CapFeedOptions.Publisher)} is required.");
        if (!Uri.TryCreate(options.FeedId, UriKind.Absolute, out _))
            failures.Add($"{nameof(CapFeedOptions.FeedId)} must be an absolute IRI such as urn:warninghub:cap (was '{options.FeedId}').");
        if (options.MaxPublishedEntries is < 1 or > 1000)
            failures.Add($"{nameof(CapFeedOptions.MaxPublishedEntries)} must be between 1 and 1000 (was {options.MaxPublishedEntries}).");
        for (var i = 0; i < options.Upstreams.Count; i++) CheckUpstream(options.Upstreams[i], $"{nameof(CapFeedOptions.Upstreams)}[{i}]", failures);
        foreach (var g in options.Upstreams.Where(u => u.Name.Length > 0).GroupBy(u => u.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            failures.Add($"{nameof(CapFeedOptions.Upstreams)}: the name '{g.Key}' is used {g.Count()} times.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUpstream(CapUpstreamOptions u, string at, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(u.Name)) failures.Add($"{at}.{nameof(CapUpstreamOptions.Name)} is required.");
        if (!Uri.TryCreate(u.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            failures.Add($"{at}.{nameof(CapUpstreamOptions.Url)} must be an absolute http or https URL (was '{u.Url}').");
        if (string.IsNullOrWhiteSpace(u.Agency)) failures.Add($"{at}.{nameof(CapUpstreamOptions.Agency)} is required: warnings are submitted as this agency.");
        if (u.PollInterval < TimeSpan.FromMilliseconds(500) || u.PollInterval > TimeSpan.FromDays(1))
            failures.Add($"{at}.{nameof(CapUpstreamOptions.PollInterval)} must be between 500 ms and 1 day (was {u.PollInterval}).");
        if (u.AllowedSenders.Count == 0 || u.AllowedSenders.Any(string.IsNullOrWhiteSpace))
            failures.Add($"{at}.{nameof(CapUpstreamOptions.AllowedSenders)} must list at least one CAP sender (\"*\" takes any) and no empty one.");
        if (u.LinkHosts.Any(h => Uri.CheckHostName(h) == UriHostNameType.Unknown))
            failures.Add($"{at}.{nameof(CapUpstreamOptions.LinkHosts)} must hold host names only (was {string.Join(", ", u.LinkHosts)}).");
    }
}
