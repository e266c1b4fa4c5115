using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Sms.Sgip;

/// <summary>Registers SGIP gateways.</summary>
public static class SgipServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SGIP gateway <c>sgip:</c><paramref name="gatewayName"/> (one per SMG account) under every adapter
    /// role it implements and as a keyed <see cref="SgipGateway"/>. Options are validated at start-up. Calling it again
    /// for the same name only adds configuration.
    /// </summary>
    public static IServiceCollection AddSgipChannel(this IServiceCollection services, string gatewayName, Action<SgipOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddGateway(services, gatewayName).Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers the gateway <c>sgip:</c><paramref name="gatewayName"/> bound from a configuration section. A key that
    /// matches no option is an error at start-up, so a misspelt setting is never silently ignored.
    /// </summary>
    public static IServiceCollection AddSgipChannel(this IServiceCollection services, string gatewayName, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        AddGateway(services, gatewayName).Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return services;
    }

    private static OptionsBuilder<SgipOptions> AddGateway(IServiceCollection services, string gatewayName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SgipOptions>, SgipOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        var builder = services.AddOptions<SgipOptions>(gatewayName).ValidateOnStart();
        services.TryAddNamedAdapter(gatewayName, provider => new SgipGateway(
            gatewayName,
            provider.GetRequiredService<IOptionsMonitor<SgipOptions>>().Get(gatewayName),
            provider.GetService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()));
        return builder;
    }
}
