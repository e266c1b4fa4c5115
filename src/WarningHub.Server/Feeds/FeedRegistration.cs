using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WarningHub.Channels.TvCrawl;
using WarningHub.Engine.Upstream;

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
    public static IReadOnlyList<string> Validate(IServiceProvider services)
    {
        var errors = new List<string>();
        Collect(errors, TvSection, () => services.GetRequiredService<IOptions<TvCrawlOptions>>().Value);
        Collect(errors, CapFeedsSection, () => services.GetRequiredService<IOptions<CapFeedOptions>>().Value);
        return errors;
    }

    private static void Collect(List<string> errors, string section, Func<object> resolve)
    {
        try
        {
            resolve();
        }
        catch (OptionsValidationException ex)
        {
            errors.AddRange(ex.Failures.Select(f => $"WarningHub:{section}: {f}"));
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the unknown key; for an item of a list (a channel, an upstream) only its inner exception does.
            var messages = new List<string>();
            for (Exception? e = ex; e is not null; e = e.InnerException) messages.Add(e.Message);
            errors.Add($"WarningHub:{section}: {string.Join(" ", messages)}");
        }
    }
}
