using Microsoft.Extensions.DependencyInjection;

namespace WarningHub.Abstractions;

/// <summary>Registers a named adapter instance (one SMPP gateway, one loudspeaker network, one WeChat account) in a container.</summary>
public static class AdapterRegistration
{
    /// <summary>The roles a hub looks adapters up by; an adapter is registered under each one it implements.</summary>
    private static readonly Type[] Roles =
    [
        typeof(ITextSender), typeof(IAudioBroadcaster), typeof(ITerminalMonitor), typeof(IReceiptSource), typeof(IInboundTextSource),
        typeof(IFixedAddresses), typeof(IChannelLifecycle), typeof(IGatewayHealth), typeof(IReceiptQuery), typeof(IChannelAdapter),
    ];

    /// <summary>
    /// Adds <typeparamref name="TAdapter"/> as a keyed singleton under <paramref name="name"/>, and under every role it
    /// implements as the same instance. False, and nothing added, when that name is already registered: calling an
    /// adapter's Add method again for a name then only adds configuration. (TryAddEnumerable cannot be the guard: it
    /// keys on the implementation type, so a second instance of the same adapter would be dropped.)
    /// </summary>
    public static bool TryAddNamedAdapter<TAdapter>(this IServiceCollection services, string name, Func<IServiceProvider, TAdapter> create)
        where TAdapter : class, IChannelAdapter
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        if (services.Any(d => d.IsKeyedService && d.ServiceType == typeof(TAdapter) && Equals(d.ServiceKey, name))) return false;
        services.AddKeyedSingleton(name, (provider, _) => create(provider));
        foreach (var role in Roles.Where(r => r.IsAssignableFrom(typeof(TAdapter))))
        {
            services.AddSingleton(role, provider => provider.GetRequiredKeyedService<TAdapter>(name));
        }
        return true;
    }
}
