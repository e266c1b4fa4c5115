using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WarningHub.Channels.TvCrawl;
using WarningHub.Engine.Upstream;
using WarningHub.Server.Configuration;

namespace WarningHub.Server.Feeds;

/// <summary>
/// TV captions ("WarningHub:Tv") and CAP feeds in and out ("WarningHub:CapFeeds"): options bound strictly and
/// validated at start-up, the TV adapter, the upstream poller and what the feed endpoints read.
/// </summary>
public static class FeedRegistration
{
    public const string TvSection = "Tv";
    public const string CapFeedsSection = "CapFeeds";

    /// <param name="root">The "WarningHub" section.</param>
    public static IServiceCollection AddHubFeeds(this IServiceCollection services, IConfiguration root)
    {
        ArgumentNullException.ThrowIfNull(root);
        services.AddTvCrawl(root.GetSection(TvSection));
        services.AddCapFeeds(root.GetSection(CapFeedsSection));
        services.TryAddSingleton<PublicWarnings>();
        services.TryAddSingleton<FeedLinks>();
        return services;
    }

    /// <summary>Every problem of both sections, each prefixed with its section, for the start-up report.</summary>
    /// <param name="root">The "WarningHub" section.</param>
    public static IReadOnlyList<string> Validate(IServiceProvider services, IConfiguration root)
    {
        var errors = new List<string>();
        SettingErrors.Collect(errors, TvSection, root.GetSection(TvSection), () => services.GetRequiredService<IOptions<TvCrawlOptions>>().Value, services);
        SettingErrors.Collect(errors, CapFeedsSection, root.GetSection(CapFeedsSection), () => services.GetRequiredService<IOptions<CapFeedOptions>>().Value, services);
        return errors;
    }
}
