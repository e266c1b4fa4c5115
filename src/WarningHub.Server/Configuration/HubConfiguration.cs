using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WarningHub.Channels.Sms.Cmpp;
using WarningHub.Channels.Sms.Http;
using WarningHub.Channels.Sms.Sgip;
using WarningHub.Channels.Sms.Smgp;
using WarningHub.Channels.Sms.Smpp;
using WarningHub.Engine;
using WarningHub.Engine.Acknowledgements;
using WarningHub.Engine.Approval;
using WarningHub.Engine.Notices;
using WarningHub.Engine.Reach;

namespace WarningHub.Server.Configuration;

/// <summary>
/// Binds the "WarningHub" configuration tree. Every section is bound with unknown keys as errors, and the
/// tree itself may only hold the sections below, so a misspelt setting is reported, never silently dropped.
/// </summary>
public static class HubConfiguration
{
    public const string Root = "WarningHub";
    private static readonly string[] KnownSections = ["Hub", "Engine", "Routing", "Approval", "Notices", "Acknowledgements", "DoorToDoor", "Sms", "Tv", "CapFeeds", .. ChannelRegistration.Sections];
    private static readonly string[] KnownSmsProtocols = ["Smpp", "Cmpp", "Sgip", "Smgp", "Http"];

    public static void Bind(IServiceCollection services, IConfiguration configuration)
    {
        var root = configuration.GetSection(Root);
        services.AddOptions<HubOptions>().Bind(root.GetSection("Hub"), Strict).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HubOptions>, HubOptionsValidator>();
        services.AddSingleton<IValidateOptions<HubOptions>, WarningHub.Server.Signatures.SignatureOptionsValidator>();
        services.AddSingleton<WarningHub.Server.Signatures.CapSignatures>();
        services.AddOptions<EngineOptions>().Bind(root.GetSection("Engine"), Strict);
        services.AddOptions<WarningHub.Engine.Sending.Routing.RoutingOptions>().Bind(root.GetSection("Routing"), Strict);
        services.AddOptions<ApprovalOptions>().Bind(root.GetSection("Approval"), Strict);
        services.AddOptions<NoticeOptions>().Bind(root.GetSection("Notices"), Strict);
        services.AddOptions<AcknowledgementOptions>().Bind(root.GetSection("Acknowledgements"), Strict);
        services.AddOptions<DoorToDoorOptions>().Bind(root.GetSection("DoorToDoor"), Strict);
        foreach (var gateway in root.GetSection("Sms:Smpp").GetChildren())
        {
            services.AddSmppChannel(gateway.Key, gateway);
        }
        foreach (var gateway in root.GetSection("Sms:Cmpp").GetChildren()) services.AddCmppChannel(gateway.Key, gateway);
        foreach (var gateway in root.GetSection("Sms:Sgip").GetChildren()) services.AddSgipChannel(gateway.Key, gateway);
        foreach (var gateway in root.GetSection("Sms:Smgp").GetChildren()) services.AddSmgpChannel(gateway.Key, gateway);
        foreach (var gateway in root.GetSection("Sms:Http").GetChildren())
        {
            services.AddHttpSmsChannel(gateway.Key, gateway);
            // Receipt callbacks come back to this hub (Api/HttpSmsReceiptEndpoint) unless the settings name another address.
            services.AddOptions<HttpSmsOptions>(gateway.Key).Configure<IOptions<EngineOptions>>((o, engine) => o.PublicBaseUrl ??= engine.Value.PublicBaseUrl);
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
        var root = configuration.GetSection(Root);
        var errors = UnknownSections(configuration).Select(p => $"{p}: unknown setting").ToList();
        SettingErrors.Collect(errors, "Hub", root.GetSection("Hub"), () => services.GetRequiredService<IOptions<HubOptions>>().Value, services);
        SettingErrors.Collect(errors, "Engine", root.GetSection("Engine"), () => services.GetRequiredService<IOptions<EngineOptions>>().Value, services);
        SettingErrors.Collect(errors, "Routing", root.GetSection("Routing"),
            () => services.GetRequiredService<IOptions<WarningHub.Engine.Sending.Routing.RoutingOptions>>().Value, services);
        errors.AddRange(UnknownRoutedGateways(root));
        SettingErrors.Collect(errors, "Approval", root.GetSection("Approval"), () => services.GetRequiredService<IOptions<ApprovalOptions>>().Value, services);
        errors.AddRange(UnknownApprovalAgencies(root));
        SettingErrors.Collect(errors, "Notices", root.GetSection("Notices"), () => services.GetRequiredService<IOptions<NoticeOptions>>().Value, services);
        SettingErrors.Collect(errors, "Acknowledgements", root.GetSection("Acknowledgements"), () => services.GetRequiredService<IOptions<AcknowledgementOptions>>().Value, services);
        SettingErrors.Collect(errors, "DoorToDoor", root.GetSection("DoorToDoor"), () => services.GetRequiredService<IOptions<DoorToDoorOptions>>().Value, services);
        errors.AddRange(WarningHub.Server.Feeds.FeedRegistration.Validate(services, root)); // "Tv" and "CapFeeds"
        var smpp = services.GetRequiredService<IOptionsMonitor<SmppOptions>>();
        foreach (var gateway in configuration.GetSection($"{Root}:Sms:Smpp").GetChildren())
        {
            SettingErrors.Collect(errors, $"Sms:Smpp:{gateway.Key}", gateway, () => smpp.Get(gateway.Key), services, gateway.Key);
        }
        errors.AddRange(CarrierErrors(services, configuration.GetSection($"{Root}:Sms")));
        errors.AddRange(ChannelRegistration.Validate(services, configuration.GetSection(Root)));
        return errors;
    }

    /// <summary>"Sms:Cmpp:&lt;name&gt;", "Sms:Sgip:&lt;name&gt;", "Sms:Smgp:&lt;name&gt;" and "Sms:Http:&lt;name&gt;" settings.</summary>
    private static List<string> CarrierErrors(IServiceProvider services, IConfiguration sms)
    {
        var errors = new List<string>();
        var cmppOptions = services.GetRequiredService<IOptionsMonitor<CmppOptions>>();
        foreach (var gateway in sms.GetSection("Cmpp").GetChildren()) SettingErrors.Collect(errors, $"Sms:Cmpp:{gateway.Key}", gateway, () => cmppOptions.Get(gateway.Key), services, gateway.Key);
        var sgipOptions = services.GetRequiredService<IOptionsMonitor<SgipOptions>>();
        foreach (var gateway in sms.GetSection("Sgip").GetChildren()) SettingErrors.Collect(errors, $"Sms:Sgip:{gateway.Key}", gateway, () => sgipOptions.Get(gateway.Key), services, gateway.Key);
        var smgpOptions = services.GetRequiredService<IOptionsMonitor<SmgpOptions>>();
        foreach (var gateway in sms.GetSection("Smgp").GetChildren()) SettingErrors.Collect(errors, $"Sms:Smgp:{gateway.Key}", gateway, () => smgpOptions.Get(gateway.Key), services, gateway.Key);
        var httpOptions = services.GetRequiredService<IOptionsMonitor<HttpSmsOptions>>();
        foreach (var gateway in sms.GetSection("Http").GetChildren()) SettingErrors.Collect(errors, $"Sms:Http:{gateway.Key}", gateway, () => httpOptions.Get(gateway.Key), services, gateway.Key);
        return errors;
    }

    /// <summary>A route for a gateway that does not exist would silently never apply: a typo that sends its operator's numbers elsewhere.</summary>
    private static IEnumerable<string> UnknownRoutedGateways(IConfigurationSection root)
    {
        var known = root.GetSection("Sms").GetChildren().SelectMany(protocol => protocol.GetChildren()).Select(g => g.Key)
            .Concat(root.GetSection("WeChat").GetChildren().Select(a => a.Key)).ToHashSet(StringComparer.Ordinal);
        foreach (var gateway in root.GetSection("Routing:Gateways").GetChildren())
        {
            if (!known.Contains(gateway.Key))
                yield return $"{Root}:Routing:Gateways:{gateway.Key}: no SMS gateway or WeChat account of that name is configured.";
        }
    }

    /// <summary>A rule naming an agency that does not exist would silently never apply: a typo that weakens the policy.</summary>
    private static IEnumerable<string> UnknownApprovalAgencies(IConfigurationSection root)
    {
        var known = root.GetSection("Hub:Agencies").GetChildren().Select(a => a["Name"])
            .Concat(root.GetSection("CapFeeds:Upstreams").GetChildren().Select(f => f["Agency"])).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var rules = root.GetSection("Approval:Rules").GetChildren().ToList();
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i]["Agency"] is { Length: > 0 } agency && !known.Contains(agency))
                yield return $"{Root}:Approval:Rules[{i}].Agency: '{agency}' is no agency of Hub:Agencies or CapFeeds:Upstreams.";
        }
    }

    private static void Strict(BinderOptions o) => o.ErrorOnUnknownConfiguration = true;
}
