using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Voice;

/// <summary>Registers HTTP voice gateways.</summary>
public static class VoiceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the voice gateway <c>voice:</c><paramref name="name"/> bound from a configuration section (unknown keys
    /// are errors at start-up), as <see cref="ITextSender"/> and <see cref="IChannelAdapter"/>, as a keyed
    /// <see cref="VoiceGateway"/>, and its callback checker as a keyed <see cref="VoiceCallback"/> (the key is
    /// <paramref name="name"/>, the callback route's <c>{gateway}</c>).
    /// </summary>
    public static OptionsBuilder<VoiceGatewayOptions> AddVoiceGateway(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var builder = AddGateway(services, name);
        builder.Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return builder;
    }

    /// <summary>Registers the voice gateway <c>voice:</c><paramref name="name"/> configured in code.</summary>
    public static OptionsBuilder<VoiceGatewayOptions> AddVoiceGateway(this IServiceCollection services, string name, Action<VoiceGatewayOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = AddGateway(services, name);
        builder.Configure(configure);
        return builder;
    }

    private static OptionsBuilder<VoiceGatewayOptions> AddGateway(IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VoiceGatewayOptions>, VoiceGatewayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        var builder = services.AddOptions<VoiceGatewayOptions>(name).ValidateOnStart();
        var added = services.TryAddNamedAdapter(name, provider => new VoiceGateway(
            name,
            provider.GetRequiredService<IOptionsMonitor<VoiceGatewayOptions>>().Get(name),
            provider.GetService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()));
        if (added) services.AddKeyedSingleton(name, (provider, _) => provider.GetRequiredKeyedService<VoiceGateway>(name).Callback);
        return builder;
    }
}
