using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Loudspeaker.Ip;

/// <summary>Registers IP loudspeaker networks.</summary>
public static class IpSpeakerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the network <c>ip-speaker:</c><paramref name="name"/> bound from a configuration section. A key that
    /// matches no option is an error at start-up, so a misspelt setting is never silently ignored.
    /// </summary>
    public static IServiceCollection AddIpLoudspeakerChannel(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        AddNetwork(services, name).Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return services;
    }

    /// <summary>
    /// Registers the network <c>ip-speaker:</c><paramref name="name"/> as <see cref="IAudioBroadcaster"/>,
    /// <see cref="IReceiptSource"/>, <see cref="ITerminalMonitor"/>, <see cref="IChannelLifecycle"/> and
    /// <see cref="IChannelAdapter"/>, and as a keyed <see cref="IpSpeakerChannel"/>. Options are validated at start-up.
    /// Calling it again for the same name only adds configuration.
    /// </summary>
    public static IServiceCollection AddIpLoudspeakerChannel(this IServiceCollection services, string name, Action<IpSpeakerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddNetwork(services, name).Configure(configure);
        return services;
    }

    private static OptionsBuilder<IpSpeakerOptions> AddNetwork(IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IpSpeakerOptions>, IpSpeakerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        var builder = services.AddOptions<IpSpeakerOptions>(name).ValidateOnStart();

        services.TryAddNamedAdapter(name, provider => new IpSpeakerChannel(
            name,
            provider.GetRequiredService<IOptionsMonitor<IpSpeakerOptions>>().Get(name),
            provider.GetService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()));
        return builder;
    }
}
