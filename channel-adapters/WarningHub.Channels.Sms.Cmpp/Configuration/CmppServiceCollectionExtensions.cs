using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Sms.Cmpp;

/// <summary>Registers CMPP gateways.</summary>
public static class CmppServiceCollectionExtensions
{
    /// <summary>
    /// Registers the CMPP gateway <c>cmpp:</c><paramref name="gatewayName"/> (one per ISMG account) under every adapter
    /// role it implements and as a keyed <see cref="CmppGateway"/>. Options are validated at start-up. Calling it again
    /// for the same name only adds configuration.
    /// </summary>
    public static IServiceCollection AddCmppChannel(this IServiceCollection services, string gatewayName, Action<CmppOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddGateway(services, gatewayName).Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers the gateway <c>cmpp:</c><paramref name="gatewayName"/> bound from a configuration section. A key that
    /// matches no option is an error at start-up, so a misspelt setting is never silently ignored.
    /// </summary>
    public static IServiceCollection AddCmppChannel(this IServiceCollection services, string gatewayName, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        AddGateway(services, gatewayName).Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return services;
    }

    private static OptionsBuilder<CmppOptions> AddGateway(IServiceCollection services, string gatewayName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CmppOptions>, CmppOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        var builder = services.AddOptions<CmppOptions>(gatewayName).ValidateOnStart();
        services.TryAddNamedAdapter(gatewayName, provider => new CmppGateway(
            gatewayName,
            provider.GetRequiredService<IOptionsMonitor<CmppOptions>>().Get(gatewayName),
            provider.GetService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()));
        return builder;
    }
}
