using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace WarningHub.Engine.Upstream;

public static class CapFeedServiceCollectionExtensions
{
    /// <summary>
    /// CAP feeds: options bound from <paramref name="section"/> (an unknown key is an error at start-up), validated at
    /// start-up, and the background service that polls the upstream feeds into intake.
    /// </summary>
    public static IServiceCollection AddCapFeeds(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        Add(services).Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return services;
    }

    /// <summary>As <see cref="AddCapFeeds(IServiceCollection, IConfiguration)"/>, configured in code.</summary>
    public static IServiceCollection AddCapFeeds(this IServiceCollection services, Action<CapFeedOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Add(services).Configure(configure);
        return services;
    }

    private static OptionsBuilder<CapFeedOptions> Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CapFeedOptions>, CapFeedOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UpstreamPoll>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, UpstreamPoller>());
        return services.AddOptions<CapFeedOptions>().ValidateOnStart();
    }
}
