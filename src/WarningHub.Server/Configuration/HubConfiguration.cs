using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WarningHub.Channels.Sms.Smpp;
using WarningHub.Engine;

namespace WarningHub.Server.Configuration;

/// <summary>
/// Binds the "WarningHub" configuration tree. Every section is bound with unknown keys as errors, and the
/// tree itself may only hold the sections below, so a misspelt setting is reported, never silently dropped.
/// </summary>
public static class HubConfiguration
{
    public const string Root = "WarningHub";
    private static readonly string[] KnownSections = ["Hub", "Engine", "Sms", "Tv", "CapFeeds", .. ChannelRegistration.Sections];
    private static readonly string[] KnownSmsProtocols = ["Smpp"];

    public static void Bind(IServiceCollection services, IConfiguration configuration)
    {
        var root = configuration.GetSection(Root);
        services.AddOptions<HubOptions>().Bind(root.GetSection("Hub"), Strict).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HubOptions>, HubOptionsValidator>();
        services.AddOptions<EngineOptions>().Bind(root.GetSection("Engine"), Strict);
        foreach (var gateway in root.GetSection("Sms:Smpp").GetChildren())
        {
            services.AddSmppChannel(gateway.Key, gateway);
        }
        WarningHub.Server.Feeds.FeedRegistration.AddHubFeeds(services, root); // TV captions, CAP feeds in and out
        ChannelRegistration.AddHubChannels(services, root); // loudspeakers and their audio, WeChat, WeCom
    }

    /// <summary>Keys of the WarningHub tree that no section reads.</summary>
    public static IReadOnlyList<string> UnknownSections(IConfiguration configuration)
    {
        var root = configuration.GetSection(Root);
        var unknown = root.GetChildren().Where(c => !KnownSections.Contains(c.Key, StringComparer.OrdinalIgnoreCase))
            .Select(c => c.Path).ToList();
        unknown.AddRange(root.GetSection("Sms").GetChildren().Where(c => !KnownSmsProtocols.Contains(c.Key, StringComparer.OrdinalIgnoreCase))
            .Select(c => c.Path));
        unknown.AddRange(ChannelRegistration.UnknownSettings(root));
        return unknown;
    }

    /// <summary>
    /// Resolves every option of the hub and collects every failure, so start-up lists all errors at once
    /// instead of stopping at the first section that fails.
    /// </summary>
    public static IReadOnlyList<string> Validate(IServiceProvider services, IConfiguration configuration)
    {
        var errors = UnknownSections(configuration).Select(p => $"{p}: unknown setting").ToList();
        SettingErrors.Collect(errors, "Hub", () => services.GetRequiredService<IOptions<HubOptions>>().Value);
        SettingErrors.Collect(errors, "Engine", () => services.GetRequiredService<IOptions<EngineOptions>>().Value);
        errors.AddRange(WarningHub.Server.Feeds.FeedRegistration.Validate(services)); // "Tv" and "CapFeeds"
        var smpp = services.GetRequiredService<IOptionsMonitor<SmppOptions>>();
        foreach (var gateway in configuration.GetSection($"{Root}:Sms:Smpp").GetChildren())
        {
            SettingErrors.Collect(errors, $"Sms:Smpp:{gateway.Key}", () => smpp.Get(gateway.Key));
        }
        errors.AddRange(ChannelRegistration.Validate(services, configuration.GetSection(Root)));
        return errors;
    }

    private static void Strict(BinderOptions o) => o.ErrorOnUnknownConfiguration = true;
}
