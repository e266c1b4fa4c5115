using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Sms.Smgp;

/// <summary>Registers SMGP gateways.</summary>
public static class SmgpServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SMGP gateway <c>smgp:</c><paramref name="gatewayName"/> (one per SMGW account) under every adapter
    /// role it implements and as a keyed <see cref="SmgpGateway"/>. Options are validated at start-up. Calling it again
    /// for the same name only adds configuration.
    /// </summary>
    public static IServiceCollection AddSmgpChannel(this IServiceCollection services, string gatewayName, Action<SmgpOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddGateway(services, gatewayName).Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers the gateway <c>smgp:</c><paramref name="gatewayName"/> bound from a configuration section. A key that
    /// matches no option is an error at start-up, so a misspelt setting is never silently ignored.
    /// </summary>
    public static IServiceCollection AddSmgpChannel(this IServiceCollection services, string gatewayName, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        AddGateway(services, gatewayName).Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return services;
    }

    private static OptionsBuilder<SmgpOptions> AddGateway(IServiceCollection services, string gatewayName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmgpOptions>, SmgpOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        var builder = services.AddOptions<SmgpOptions>(gatewayName).ValidateOnStart();
        services.TryAddNamedAdapter(gatewayName, provider => new SmgpGateway(
            gatewayName,
            provider.GetRequiredService<IOptionsMonitor<SmgpOptions>>().Get(gatewayName),
            provider.GetService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()));
        return builder;
    }
}
