using System.Security.Cryptography;
using WarningHub.Simulators.WeChat;

namespace WarningHub.Cli.Demo;

/// <summary>
/// The WeChat official-account API (followers' template messages, TEMPLATESENDJOBFINISH events posted back to the hub)
/// and the WeCom robot webhook (one robot per town's officers' group), both from one simulator.
/// </summary>
internal sealed partial class DemoTwin
{
    public const string WeChatAccount = "county";
    private WeChatSimulator? _wechat;
    private IReadOnlyList<string> _towns = [];

    /// <summary>Template messages WeChat took, and the events it posted back to the hub.</summary>
    public (int Templates, int Events) WeChatFigures => (_wechat?.TemplateMessages.Count ?? 0, _wechat?.Events.Count ?? 0);

    /// <summary>Messages the town robots posted into their groups.</summary>
    public int RobotMessages => _wechat?.RobotMessages.Count ?? 0;

    private async Task StartWeChatAsync(IReadOnlyList<string> towns, CancellationToken cancellationToken)
    {
        _towns = towns;
        _wechat = new WeChatSimulator(new WeChatSimulatorOptions
        {
            AppSecret = RandomNumberGenerator.GetHexString(32, lowercase: true),
            CallbackToken = RandomNumberGenerator.GetHexString(16, lowercase: true),
            Seed = _settings.Seed,
        });
        await _wechat.StartAsync(cancellationToken);
    }

    private Dictionary<string, string?> WeChatSettings()
    {
        var wechat = _wechat ?? throw new InvalidOperationException("WeChat is not started.");
        const string a = $"WarningHub:WeChat:{WeChatAccount}";
        var settings = new Dictionary<string, string?>
        {
            [$"{a}:AppId"] = wechat.Options.AppId,
            [$"{a}:AppSecret"] = wechat.Options.AppSecret,
            [$"{a}:ApiBase"] = wechat.BaseUrl.ToString(),
            [$"{a}:CallbackToken"] = wechat.Options.CallbackToken,
            [$"{a}:DefaultTemplateId"] = "demo-warning-template",
            // Only keyword fields show since 2023: the test mark and the headline lead, the instruction is shown too.
            [$"{a}:FieldMap:keyword1"] = "{statusMark}{headline}",
            [$"{a}:FieldMap:keyword2"] = "{area}",
            [$"{a}:FieldMap:keyword3"] = "{effective}",
            [$"{a}:FieldMap:keyword4"] = "{instruction}",
            // WeChat publishes no per-second limit for template messages, only a daily quota; the shipped example sends
            // 100 a second. The demo's account sends 400, so its followers take seconds, not the whole demo.
            [$"{a}:RatePerSecond"] = "400",
            // Each send in flight holds a connection on both sides of loopback; 16 keep up with 400 a second here.
            [$"{a}:MaxInFlight"] = "16",
            ["WarningHub:WeCom:ApiBase"] = wechat.BaseUrl.ToString(),
        };
        // One robot per town, named by the town's code as the planner expects; the simulator takes any key.
        foreach (var town in _towns)
        {
            settings[$"WarningHub:WeCom:Robots:{town}"] = "demo-robot-" + town;
            settings[$"WarningHub:WeCom:Mentions:{town}:0"] = "@all";
        }
        return settings;
    }

    /// <summary>WeChat's server configuration: the callback URL, checked with the echostr handshake as WeChat does.</summary>
    private async Task ConnectWeChatAsync(Uri hub, CancellationToken cancellationToken)
    {
        var wechat = _wechat ?? throw new InvalidOperationException("WeChat is not started.");
        wechat.Options.CallbackUrl = new Uri(hub, $"/api/v1/callbacks/wechat/{WeChatAccount}");
        if (!await wechat.VerifyCallbackUrlAsync(cancellationToken))
        {
            throw new DemoTwinException("The hub did not answer WeChat's callback handshake.");
        }
    }

    private async Task DisposeWeChatAsync()
    {
        if (_wechat is not null) await _wechat.DisposeAsync();
    }
}
