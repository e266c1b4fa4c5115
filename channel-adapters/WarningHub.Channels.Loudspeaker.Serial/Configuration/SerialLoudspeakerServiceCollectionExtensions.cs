using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Loudspeaker.Serial;

/// <summary>Registers serial loudspeaker channels.</summary>
public static class SerialLoudspeakerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the channel <c>serial-speaker:</c><paramref name="name"/> as <see cref="IAudioBroadcaster"/>,
    /// <see cref="ITerminalMonitor"/>, <see cref="IReceiptSource"/>, <see cref="IChannelLifecycle"/> and
    /// <see cref="IChannelAdapter"/>, and as a keyed <see cref="SerialSpeakerChannel"/>. Options are validated at start-up.
    /// Calling it again for the same name only adds configuration.
    /// </summary>
    public static IServiceCollection AddSerialLoudspeakerChannel(this IServiceCollection services, string name, Action<SerialSpeakerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddChannel(services, name).Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers the channel <c>serial-speaker:</c><paramref name="name"/> bound from a configuration section. A key
    /// that matches no option (also inside <c>Ports</c>) is an error at start-up, so a misspelt setting is never ignored.
    /// </summary>
    public static IServiceCollection AddSerialLoudspeakerChannel(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        AddChannel(services, name).Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return services;
    }

    private static OptionsBuilder<SerialSpeakerOptions> AddChannel(IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SerialSpeakerOptions>, SerialSpeakerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        var builder = services.AddOptions<SerialSpeakerOptions>(name).ValidateOnStart();

        services.TryAddNamedAdapter(name, provider => new SerialSpeakerChannel(
            name,
            provider.GetRequiredService<IOptionsMonitor<SerialSpeakerOptions>>().Get(name),
            provider.GetService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()));
        return builder;
    }
}
