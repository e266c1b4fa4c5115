using ChannelNames = WarningHub.Core.Planning.Channels;
using WarningHub.Core.Registry;
using WarningHub.EndToEnd.Tests.Loudspeakers;
using WarningHub.Simulators.WeChat;

namespace WarningHub.EndToEnd.Tests.WeChat;

/// <summary>The towns' officer groups through WeCom robots, configured in the hub and sent by its engine.</summary>
public sealed class WeComHubTests
{
    [Fact]
    public async Task Warning_GoesToEachConfiguredTownsRobot_MentioningThatTownsOfficersOnly()
    {
        await using var wechat = new WeChatSimulator(new WeChatSimulatorOptions());
        await wechat.StartAsync();
        var towns = RegistryCsv.LoadCounty(Repo.SampleCounty).Towns.Take(2).Select(t => t.Code).ToList();
        var settings = new Dictionary<string, string?>
        {
            ["WarningHub:WeCom:ApiBase"] = wechat.BaseUrl.ToString(),
            [$"WarningHub:WeCom:Robots:{towns[0]}"] = "robot-a",
            [$"WarningHub:WeCom:Robots:{towns[1]}"] = "robot-b",
            // Whom each robot mentions is the WeCom adapter's own setting.
            [$"WarningHub:WeCom:Mentions:{towns[0]}:0"] = "13900000001",
            [$"WarningHub:WeCom:Mentions:{towns[0]}:1"] = "13900000002",
            [$"WarningHub:WeCom:Mentions:{towns[1]}:0"] = "13900000003",
        };
        await using var hub = await TestHub.StartAsync(persons: 300, settings: settings, endpoints: registry =>
        {
            var villageOfA = registry.VillagesUnder(towns[0])[0].Code;
            var villageOfThird = registry.Towns[2].Code;
            return new CountyEndpoints([], [],
            [
                new Officer(1, "镇值班员甲", "13900000001", towns[0], OfficerRole.TownOfficer),
                new Officer(2, "村干部甲", "13900000002", villageOfA, OfficerRole.VillageCadre),
                new Officer(3, "镇值班员乙", "13900000003", towns[1], OfficerRole.TownOfficer),
                new Officer(4, "镇值班员丙", "13900000004", villageOfThird, OfficerRole.TownOfficer), // a town without a robot
            ]);
        });

        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var warning = await TestHub.WaitForAsync(hub.Http, id, w => w.GetProperty("channels").TryGetProperty(ChannelNames.WeCom, out var c)
            && c.Count("planned") == 2 && c.Count("delivered") == 2, TimeSpan.FromSeconds(30));

        var messages = wechat.RobotMessages.OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(["robot-a", "robot-b"], messages.Select(m => m.Key));
        Assert.All(messages, m => Assert.Contains("暴雨红色预警", m.Content, StringComparison.Ordinal));
        Assert.Equal(["13900000001", "13900000002"], messages[0].MentionedMobiles.Order(StringComparer.Ordinal));
        Assert.Equal(["13900000003"], messages[1].MentionedMobiles);
        Assert.Equal(0, warning.GetProperty("channels").GetProperty(ChannelNames.WeCom).Count("failed"));
    }
}
