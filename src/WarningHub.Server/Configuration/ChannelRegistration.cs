using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WarningHub.Audio;
using WarningHub.Channels.Loudspeaker.Ip;
using WarningHub.Channels.Loudspeaker.Serial;
using WarningHub.Channels.Voice;
using WarningHub.Channels.WeChat;
using WarningHub.Engine;
using WarningHub.Engine.Shared;
using WarningHub.Engine.Sending;
using WarningHub.Server.Api;
using WarningHub.Server.Audio;

namespace WarningHub.Server.Configuration;

/// <summary>
/// Loudspeakers ("WarningHub:Loudspeakers:Ip:&lt;name&gt;", "WarningHub:Loudspeakers:Serial:&lt;name&gt;"), the bulletins
/// they play ("WarningHub:Audio") and WeChat ("WarningHub:WeChat:&lt;account&gt;", "WarningHub:WeCom"). Each adapter's
/// options are bound with unknown keys as errors and validated at start-up, every failure named by its section.
/// </summary>
internal static class ChannelRegistration
{
    public const string AudioSection = "Audio";
    public const string LoudspeakersSection = "Loudspeakers";
    public const string WeChatSection = "WeChat";
    public const string WeComSection = "WeCom";
    public const string VoiceSection = "Voice";
    private const string Ip = "Ip";
    private const string Serial = "Serial";
    private static readonly string[] LoudspeakerKinds = [Ip, Serial];

    /// <summary>The sections of the "WarningHub" tree read here.</summary>
    public static IReadOnlyList<string> Sections { get; } = [AudioSection, LoudspeakersSection, WeChatSection, WeComSection, VoiceSection];

    /// <param name="root">The "WarningHub" section.</param>
    public static void AddHubChannels(IServiceCollection services, IConfiguration root)
    {
        foreach (var network in Children(root, Ip))
        {
            services.AddIpLoudspeakerChannel(network.Key, network);
            // Terminals in Url delivery fetch clips from this hub (Api/ClipEndpoints) unless the settings name another place.
            services.AddOptions<IpSpeakerOptions>(network.Key).Configure<IOptions<EngineOptions>>((o, engine) =>
                o.ClipBaseUrl ??= engine.Value.PublicBaseUrl.TrimEnd('/') + ClipEndpoints.BasePath);
        }
        foreach (var channel in Children(root, Serial)) services.AddSerialLoudspeakerChannel(channel.Key, channel);
        if (WantsAudio(root))
        {
            services.AddWarningAudio(root.GetSection(AudioSection));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IBulletinSource, AudioBulletinSource>());
            services.AddHostedService<SpeechCheck>();
        }
        foreach (var account in root.GetSection(WeChatSection).GetChildren()) services.AddWeChatOfficialAccount(account.Key, account);
        if (root.GetSection(WeComSection).Exists()) services.AddWeComRobots(root.GetSection(WeComSection));
        foreach (var gateway in root.GetSection(VoiceSection).GetChildren())
        {
            // Results come back to this hub's callback endpoint for the gateway (Api/VoiceCallbackEndpoint) unless the settings name another place.
            var name = gateway.Key;
            services.AddVoiceGateway(name, gateway).Configure<IOptions<EngineOptions>>((o, engine) =>
                o.CallbackUrl ??= new Uri(engine.Value.PublicBaseUrl.TrimEnd('/') + VoiceCallbackEndpoint.PathOf(name)));
        }
    }

    /// <summary>Paths under "Loudspeakers" that are no kind of loudspeaker.</summary>
    public static IEnumerable<string> UnknownSettings(IConfiguration root) =>
        root.GetSection(LoudspeakersSection).GetChildren()
            .Where(c => !LoudspeakerKinds.Contains(c.Key, StringComparer.OrdinalIgnoreCase))
            .Select(c => c.Path);

    /// <summary>Every problem of these sections, each prefixed with its section path.</summary>
    public static IReadOnlyList<string> Validate(IServiceProvider services, IConfiguration root)
    {
        var errors = new List<string>();
        if (WantsAudio(root)) SettingErrors.Collect(errors, AudioSection, root.GetSection(AudioSection), () => services.GetRequiredService<IOptions<AudioOptions>>().Value, services);
        var ip = services.GetRequiredService<IOptionsMonitor<IpSpeakerOptions>>();
        foreach (var network in Children(root, Ip)) SettingErrors.Collect(errors, $"{LoudspeakersSection}:{Ip}:{network.Key}", network, () => ip.Get(network.Key), services, network.Key);
        var serial = services.GetRequiredService<IOptionsMonitor<SerialSpeakerOptions>>();
        foreach (var channel in Children(root, Serial)) SettingErrors.Collect(errors, $"{LoudspeakersSection}:{Serial}:{channel.Key}", channel, () => serial.Get(channel.Key), services, channel.Key);
        var wechat = services.GetRequiredService<IOptionsMonitor<WeChatOfficialAccountOptions>>();
        var accounts = root.GetSection(WeChatSection).GetChildren().ToList();
        foreach (var account in accounts) SettingErrors.Collect(errors, $"{WeChatSection}:{account.Key}", account, () => wechat.Get(account.Key), services, account.Key);
        if (root.GetSection(WeComSection).Exists()) SettingErrors.Collect(errors, WeComSection, root.GetSection(WeComSection), () => services.GetRequiredService<IOptions<WeComRobotOptions>>().Value, services);
        var voice = services.GetRequiredService<IOptionsMonitor<VoiceGatewayOptions>>();
        foreach (var gateway in root.GetSection(VoiceSection).GetChildren()) SettingErrors.Collect(errors, $"{VoiceSection}:{gateway.Key}", gateway, () => voice.Get(gateway.Key), services, gateway.Key);

        // The engine hands every slot of a loudspeaker channel to the first adapter of that channel: a second network
        // would never play its terminals (they send heartbeats to it, not to the first). Refuse it rather than lose
        // those slots quietly. WeChat accounts are several by design: each follower's address names its account.
        OnlyOne(errors, $"{LoudspeakersSection}:{Ip}", Children(root, Ip).Select(c => c.Key).ToList());
        OnlyOne(errors, $"{LoudspeakersSection}:{Serial}", Children(root, Serial).Select(c => c.Key).ToList());
        errors.AddRange(WeChatAccountChecks.Problems(root));
        return errors;
    }

    /// <summary>Bulletins are made when the audio section is given or some loudspeaker channel needs them.</summary>
    private static bool WantsAudio(IConfiguration root) =>
        root.GetSection(AudioSection).Exists() || Children(root, Ip).Any() || Children(root, Serial).Any();

    private static IEnumerable<IConfigurationSection> Children(IConfiguration root, string kind) =>
        root.GetSection($"{LoudspeakersSection}:{kind}").GetChildren();

    private static void OnlyOne(List<string> errors, string section, List<string> names)
    {
        if (names.Count > 1)
        {
            errors.Add($"{HubConfiguration.Root}:{section}: {string.Join(", ", names)} are configured, but the engine sends a channel "
                + "through one adapter only; configure one of them.");
        }
    }
}
