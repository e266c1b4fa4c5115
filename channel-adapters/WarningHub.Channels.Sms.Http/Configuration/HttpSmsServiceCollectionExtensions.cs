using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Sms.Http;

/// <summary>Registers HTTP SMS gateways.</summary>
public static class HttpSmsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the HTTP SMS gateway <c>http:</c><paramref name="gatewayName"/> under every adapter role it implements
    /// and as a keyed <see cref="HttpSmsGateway"/>. Options are validated at start-up. Calling it again for the same name
    /// only adds configuration.
    /// </summary>
    public static IServiceCollection AddHttpSmsChannel(this IServiceCollection services, string gatewayName, Action<HttpSmsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddGateway(services, gatewayName).Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers the gateway <c>http:</c><paramref name="gatewayName"/> bound from a configuration section. A key that
    /// matches no option is an error at start-up, so a misspelt setting is never silently ignored.
    /// </summary>
    public static IServiceCollection AddHttpSmsChannel(this IServiceCollection services, string gatewayName, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        AddGateway(services, gatewayName).Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return services;
    }

    private static OptionsBuilder<HttpSmsOptions> AddGateway(IServiceCollection services, string gatewayName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpSmsOptions>, HttpSmsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        var builder = services.AddOptions<HttpSmsOptions>(gatewayName).ValidateOnStart();
        services.TryAddNamedAdapter(gatewayName, provider => new HttpSmsGateway(
            gatewayName,
            provider.GetRequiredService<IOptionsMonitor<HttpSmsOptions>>().Get(gatewayName),
            provider.GetService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()));
        return builder;
    }
}
