using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Channels.WeChat;

/// <summary>Registers WeChat official accounts and the WeCom group robots.</summary>
public static class WeChatServiceCollectionExtensions
{
    /// <summary>
    /// Registers the official account <c>wechat-oa:</c><paramref name="name"/> bound from a configuration section, as
    /// <see cref="ITextSender"/>, <see cref="IReceiptSource"/>, <see cref="IChannelLifecycle"/> and
    /// <see cref="IChannelAdapter"/>, as a keyed <see cref="WeChatOfficialAccount"/>, and its callback handler as a keyed
    /// <see cref="WeChatCallback"/> (the key is the route's <c>{account}</c>). A key that matches no option is an error
    /// at start-up. The access_token cache is an <see cref="InMemoryAccessTokenCache"/> unless an
    /// <see cref="IAccessTokenCache"/> is registered first (a shared one for several nodes).
    /// </summary>
    public static IServiceCollection AddWeChatOfficialAccount(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        AddAccount(services, name).Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return services;
    }

    /// <summary>Registers the official account <c>wechat-oa:</c><paramref name="name"/> configured in code.</summary>
    public static IServiceCollection AddWeChatOfficialAccount(this IServiceCollection services, string name, Action<WeChatOfficialAccountOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddAccount(services, name).Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers the WeCom group robots (<c>wecom</c>) bound from a configuration section, as <see cref="ITextSender"/>,
    /// <see cref="IReceiptSource"/>, <see cref="IChannelAdapter"/> and <see cref="WeComRobots"/>. A key that matches no option is an error at start-up.
    /// </summary>
    public static IServiceCollection AddWeComRobots(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        AddRobots(services).Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return services;
    }

    /// <summary>Registers the WeCom group robots configured in code.</summary>
    public static IServiceCollection AddWeComRobots(this IServiceCollection services, Action<WeComRobotOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddRobots(services).Configure(configure);
        return services;
    }

    private static OptionsBuilder<WeChatOfficialAccountOptions> AddAccount(IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeChatOfficialAccountOptions>, WeChatOfficialAccountOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAccessTokenCache>(provider => new InMemoryAccessTokenCache(provider.GetService<TimeProvider>()));
        var builder = services.AddOptions<WeChatOfficialAccountOptions>(name).ValidateOnStart();

        var added = services.TryAddNamedAdapter(name, provider => new WeChatOfficialAccount(
            name,
            provider.GetRequiredService<IOptionsMonitor<WeChatOfficialAccountOptions>>().Get(name),
            provider.GetRequiredService<IAccessTokenCache>(),
            provider.GetService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()));
        if (added) services.AddKeyedSingleton(name, (provider, _) => provider.GetRequiredKeyedService<WeChatOfficialAccount>(name).Callback);
        return builder;
    }

    private static OptionsBuilder<WeComRobotOptions> AddRobots(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeComRobotOptions>, WeComRobotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        var builder = services.AddOptions<WeComRobotOptions>().ValidateOnStart();
        if (services.Any(d => !d.IsKeyedService && d.ServiceType == typeof(WeComRobots)))
        {
            return builder;
        }

        services.AddSingleton(provider => new WeComRobots(
            provider.GetRequiredService<IOptions<WeComRobotOptions>>().Value,
            provider.GetService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()));
        services.AddSingleton<ITextSender>(provider => provider.GetRequiredService<WeComRobots>());
        services.AddSingleton<IReceiptSource>(provider => provider.GetRequiredService<WeComRobots>());
        services.AddSingleton<IChannelAdapter>(provider => provider.GetRequiredService<WeComRobots>());
        return builder;
    }
}
