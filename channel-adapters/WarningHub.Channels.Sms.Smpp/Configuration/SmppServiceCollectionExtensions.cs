using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Sms.Smpp;

/// <summary>Registers SMPP gateways.</summary>
public static class SmppServiceCollectionExtensions
{
    /// <summary>The gateway name used when none is given.</summary>
    public const string DefaultGatewayName = "default";

    /// <summary>Registers the SMPP gateway <c>smpp:default</c>.</summary>
    public static IServiceCollection AddSmppChannel(this IServiceCollection services, Action<SmppOptions> configure) =>
        services.AddSmppChannel(DefaultGatewayName, configure);

    /// <summary>
    /// Registers the SMPP gateway <c>smpp:</c><paramref name="gatewayName"/> (one per SMSC account) as
    /// <see cref="ITextSender"/>, <see cref="IReceiptSource"/>, <see cref="IChannelLifecycle"/> and
    /// <see cref="IChannelAdapter"/>, and as a keyed <see cref="SmppGateway"/>. Options are validated at start-up.
    /// Calling it again for the same name only adds configuration.
    /// </summary>
    public static IServiceCollection AddSmppChannel(this IServiceCollection services, string gatewayName, Action<SmppOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddGateway(services, gatewayName).Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers the gateway <c>smpp:</c><paramref name="gatewayName"/> bound from a configuration section. A key
    /// that matches no option is an error at start-up, so a misspelt setting is never silently ignored.
    /// </summary>
    public static IServiceCollection AddSmppChannel(this IServiceCollection services, string gatewayName, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        AddGateway(services, gatewayName).Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return services;
    }

    private static OptionsBuilder<SmppOptions> AddGateway(IServiceCollection services, string gatewayName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmppOptions>, SmppOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        var builder = services.AddOptions<SmppOptions>(gatewayName).ValidateOnStart();

        services.TryAddNamedAdapter(gatewayName, provider => new SmppGateway(
            gatewayName,
            provider.GetRequiredService<IOptionsMonitor<SmppOptions>>().Get(gatewayName),
            provider.GetService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()));
        return builder;
    }
}
