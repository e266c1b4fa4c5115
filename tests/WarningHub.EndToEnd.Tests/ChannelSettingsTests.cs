using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Abstractions;
using WarningHub.Engine.Shared;
using WarningHub.Engine.Sending;
using WarningHub.Server;

namespace WarningHub.EndToEnd.Tests;

/// <summary>Loudspeaker, audio, WeChat and WeCom settings: every mistake is listed at start-up with its section; valid ones start.</summary>
public sealed class ChannelSettingsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("warninghub-channelsettings-");

    [Fact]
    public void HubBuild_WithBadLoudspeakerAudioAndWeChatSettings_ListsEveryOneWithItsSection()
    {
        var settings = TestHub.Settings(_folder.FullName, smscPort: 2775, gatewayRate: 0);
        settings["WarningHub:Loudspeakers:Ip:county:HeartbeatPort"] = "70000";
        settings["WarningHub:Loudspeakers:Ip:county:OfflineAfter"] = "-00:00:01";
        settings["WarningHub:Loudspeakers:Serial:qianfo:Ports:qianfo-1:Path"] = "/dev/ttyS1";
        settings["WarningHub:Loudspeakers:Serial:qianfo:Ports:qianfo-1:BaudRat"] = "9600";
        settings["WarningHub:Loudspeakers:Cellular:x:Host"] = "10.0.0.1";
        settings["WarningHub:Audio:Rate"] = "10";
        settings["WarningHub:WeChat:county:AppId"] = "wx5117a1d2c3e4f501";
        settings["WarningHub:WeChat:county:CallbackToken"] = "no!";
        settings["WarningHub:WeCom:Robotz:511124100000"] = "key-1";

        var ex = Assert.Throws<HubConfigurationException>(() => HubHost.Build([], loadConfigFile: false, overrides: settings));

        Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:Loudspeakers:Ip:county: ", StringComparison.Ordinal) && e.Contains("HeartbeatPort", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:Loudspeakers:Ip:county: ", StringComparison.Ordinal) && e.Contains("OfflineAfter", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:Loudspeakers:Serial:qianfo: ", StringComparison.Ordinal) && e.Contains("BaudRat", StringComparison.Ordinal));
        Assert.Contains("WarningHub:Loudspeakers:Cellular: unknown setting", ex.Errors);
        Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:Audio: Rate ", StringComparison.Ordinal));
        foreach (var property in new[] { "AppSecret", "CallbackToken", "DefaultTemplateId", "FieldMap" })
        {
            Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:WeChat:county: ", StringComparison.Ordinal) && e.Contains(property, StringComparison.Ordinal));
        }
        Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:WeCom: ", StringComparison.Ordinal) && e.Contains("Robotz", StringComparison.Ordinal));
    }

    [Fact]
    public void HubBuild_WithBadRoutes_ListsEachMistake_AndAGatewayNoSectionConfigures()
    {
        var settings = TestHub.Settings(_folder.FullName, smscPort: 2775, gatewayRate: 0);
        settings["WarningHub:Routing:Operators:移动:0"] = "13a";
        settings["WarningHub:Routing:Gateways:sim:Operators:0"] = "mobile";
        settings["WarningHub:Routing:Gateways:sim:Weight"] = "0";
        settings["WarningHub:Routing:Gateways:unicom-sgip:Priority"] = "1";
        settings["WarningHub:Routing:Circuit:BreakDuration"] = "00:00:00.1";

        var ex = Assert.Throws<HubConfigurationException>(() => HubHost.Build([], loadConfigFile: false, overrides: settings));

        Assert.Contains(ex.Errors, e => e.Contains("Routing:Operators:移动:0:", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("Routing:Gateways:sim:Operators:0: unknown operator 'mobile'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("Routing:Gateways:sim:Weight:", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("Routing:Circuit:BreakDuration:", StringComparison.Ordinal));
        Assert.Contains("WarningHub:Routing:Gateways:unicom-sgip: no SMS gateway or WeChat account of that name is configured.", ex.Errors);
        Assert.DoesNotContain(ex.Errors, e => e.Contains("Gateways:sim: no SMS gateway", StringComparison.Ordinal));
    }

    [Fact]
    public void HubBuild_WithTwoIpLoudspeakerNetworks_RefusesTheSecondInsteadOfLosingItsTerminals()
    {
        var settings = TestHub.Settings(_folder.FullName, smscPort: 2775, gatewayRate: 0);
        settings["WarningHub:Loudspeakers:Ip:north:HeartbeatPort"] = "0";
        settings["WarningHub:Loudspeakers:Ip:south:HeartbeatPort"] = "0";

        var ex = Assert.Throws<HubConfigurationException>(() => HubHost.Build([], loadConfigFile: false, overrides: settings));

        var error = Assert.Single(ex.Errors);
        Assert.StartsWith("WarningHub:Loudspeakers:Ip: north, south are configured", error, StringComparison.Ordinal);
    }

    [Fact]
    public void HubBuild_WithASecondWeChatAccountOfTheSameName_OrTheSameAccountTwice_OrNoDefault_NamesEachMistake()
    {
        var settings = TestHub.Settings(_folder.FullName, smscPort: 2775, gatewayRate: 0);
        Account(settings, "city", "wx5111aa00bb11cc01");
        Account(settings, "county", "wx5111aa00bb11cc01"); // the city's AppId again: the same official account twice
        Account(settings, "sim", "wx5117a1d2c3e4f501");    // the SMS gateway "sim" has this name already

        var ex = Assert.Throws<HubConfigurationException>(() => HubHost.Build([], loadConfigFile: false, overrides: settings));

        Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:WeChat:sim: an account of the same name as the SMS gateway WarningHub:Sms:Smpp:sim", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:WeChat:county: the same account (AppId) as WarningHub:WeChat:city", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("WarningHub:WeChat: city, county, sim are configured;", StringComparison.Ordinal)
            && e.Contains("Routing:Gateways:<account>:Default", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HubBuild_WithTwoWeChatAccountsAndADefault_StartsBoth()
    {
        var settings = TestHub.Settings(_folder.FullName, smscPort: 2775, gatewayRate: 0);
        Account(settings, "city", "wx5111aa00bb11cc01");
        Account(settings, "county", "wx5117a1d2c3e4f501");
        settings["WarningHub:Routing:Gateways:county:Default"] = "true";

        await using var app = HubHost.Build([], loadConfigFile: false, overrides: settings);

        var adapters = app.Services.GetServices<IChannelAdapter>().Select(a => a.Definition.Name).ToList();
        Assert.Superset(new HashSet<string> { "wechat-oa:city", "wechat-oa:county" }, adapters.ToHashSet());
        Assert.Equal(2, app.Services.GetRequiredService<ChannelRouter>().RoutedAdaptersFor("wechat").Count);
    }

    private static void Account(Dictionary<string, string?> settings, string name, string appId)
    {
        var a = $"WarningHub:WeChat:{name}";
        settings[$"{a}:AppId"] = appId;
        settings[$"{a}:AppSecret"] = "secret-" + name;
        settings[$"{a}:CallbackToken"] = "token" + name;
        settings[$"{a}:DefaultTemplateId"] = "tpl-warning";
        settings[$"{a}:FieldMap:keyword1"] = "{statusMark}{headline}";
    }

    [Fact]
    public async Task HubBuild_WithTheDocumentedChannelExample_IsValid()
    {
        await using var app = HubHost.Build([], configFile: Path.Combine(Repo.Root, "config", "examples", "channels.json"),
            overrides: TestHub.Settings(_folder.FullName, smscPort: 2775, gatewayRate: 0));

        var adapters = app.Services.GetServices<IChannelAdapter>().Select(a => a.Definition.Name).ToList();
        Assert.Superset(new HashSet<string> { "ip-speaker:county", "serial-speaker:qianfo", "smpp:sim", "wechat-oa:county", "wecom" }, adapters.ToHashSet());
        Assert.Single(app.Services.GetServices<IBulletinSource>());
    }

    [Fact]
    public async Task HubBuild_WithTheShippedSettings_IsValid()
    {
        await using var app = HubHost.Build([], configFile: Path.Combine(Repo.Root, "config", "warninghub.json"), overrides: new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["WarningHub:Hub:DatabasePath"] = Path.Combine(_folder.FullName, "hub.db"),
        });

        // SMS only: the loudspeaker and WeChat sections are documented, not switched on, so no bulletins are made.
        var adapters = app.Services.GetServices<IChannelAdapter>().Select(a => a.Definition.Name).ToList();
        Assert.Contains("smpp:mobile", adapters);
        Assert.DoesNotContain(adapters, n => n.StartsWith("ip-speaker:", StringComparison.Ordinal) || n.StartsWith("serial-speaker:", StringComparison.Ordinal)
            || n.StartsWith("wechat-oa:", StringComparison.Ordinal) || n == "wecom");
        Assert.Empty(app.Services.GetServices<IBulletinSource>());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { _folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
    }
}
