using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.TvCrawl;

/// <summary>Registers the TV caption channel.</summary>
public static class TvCrawlServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TvCrawlAdapter"/> (ledger channel <c>tv</c>) as <see cref="ITextSender"/>,
    /// <see cref="IReceiptSource"/>, <see cref="IFixedAddresses"/> and <see cref="IChannelAdapter"/>, with options
    /// validated at start-up.
    /// Calling it again only adds configuration.
    /// </summary>
    public static IServiceCollection AddTvCrawl(this IServiceCollection services, Action<TvCrawlOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Add(services).Configure(configure);
        return services;
    }

    /// <summary>As <see cref="AddTvCrawl(IServiceCollection, Action{TvCrawlOptions})"/>, bound from a section; an unknown key is an error at start-up.</summary>
    public static IServiceCollection AddTvCrawl(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        Add(services).Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return services;
    }

    private static OptionsBuilder<TvCrawlOptions> Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TvCrawlOptions>, TvCrawlOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        var builder = services.AddOptions<TvCrawlOptions>().ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(TvCrawlAdapter))) return builder;
        services.AddSingleton<TvCrawlAdapter>();
        services.AddSingleton<ITextSender>(sp => sp.GetRequiredService<TvCrawlAdapter>());
        services.AddSingleton<IReceiptSource>(sp => sp.GetRequiredService<TvCrawlAdapter>());
        services.AddSingleton<IFixedAddresses>(sp => sp.GetRequiredService<TvCrawlAdapter>());
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<TvCrawlAdapter>());
        return builder;
    }
}
