using ChannelNames = WarningHub.Core.Planning.Channels;
using WarningHub.Core.Registry;
using WarningHub.EndToEnd.Tests.Loudspeakers;
using WarningHub.Simulators.WeChat;

namespace WarningHub.EndToEnd.Tests.WeChat;

/// <summary>
/// A city's and a county's WeChat official accounts in one hub, each its own simulated WeChat (AppId, secret, callback
/// token): every follower gets one template through the account they follow, never the other, and each account's
/// events settle its own slots through its own callback route.
/// </summary>
public sealed class TwoAccountsHubTests
{
    private const string CityFollower = "oCity0EGTNoeX76QEjQNrcURxG8a";
    private const string CityBlocker = "oCity1ewbmiOUlr6X-1crbLOvLwb";
    private const string CountyFollower = "oCnty2mZpQ7d9sW2xV5bN8cR1Acc";
    private const string DefaultFollower = "oCnty3mZpQ7d9sW2xV5bN8cR1Add"; // no account in the registry: the default (county)

    [Fact]
    public async Task Warning_ReachesEachFollowerOnceThroughTheirOwnAccount_AndBothAccountsEventsSettleTheirSlots()
    {
        await using var city = new WeChatSimulator(new WeChatSimulatorOptions { AppId = "wx5111aa00bb11cc01", AppSecret = "city-secret", CallbackToken = "citytoken1" });
        await using var county = new WeChatSimulator(new WeChatSimulatorOptions { AppId = "wx5117a1d2c3e4f501", AppSecret = "county-secret", CallbackToken = "countytoken2" });
        // Each simulated account knows only its followers: a send through the wrong account would be refused (40003).
        foreach (var openId in new[] { CityFollower, CityBlocker }) city.Options.Followers.Add(openId);
        foreach (var openId in new[] { CountyFollower, DefaultFollower }) county.Options.Followers.Add(openId);
        city.Options.BlockingOpenIds.Add(CityBlocker);
        await city.StartAsync();
        await county.StartAsync();
        var settings = new Dictionary<string, string?>(Settings("city", city).Concat(Settings("county", county)))
        {
            ["WarningHub:Routing:Gateways:county:Default"] = "true",
            ["WarningHub:Engine:ReceiptWindow"] = "00:01:00",
        };
        await using var hub = await TestHub.StartAsync(persons: 300, settings: settings, endpoints: registry =>
        {
            var villages = LoudspeakerHub.Villages(registry, 2);
            return new CountyEndpoints([],
            [
                new(CityFollower, villages[0], null, false, "city"), new(CityBlocker, villages[1], null, false, "city"),
                new(CountyFollower, villages[0], null, false, "county"), new(DefaultFollower, villages[1], null, false),
            ], []);
        });
        city.Options.CallbackUrl = new Uri(hub.Http.BaseAddress!, "/api/v1/callbacks/wechat/city");
        county.Options.CallbackUrl = new Uri(hub.Http.BaseAddress!, "/api/v1/callbacks/wechat/county");
        Assert.True(await city.VerifyCallbackUrlAsync(), "the city's route answers the city's handshake");
        Assert.True(await county.VerifyCallbackUrlAsync(), "the county's route answers the county's handshake");

        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var warning = await TestHub.WaitForAsync(hub.Http, id, w => w.GetProperty("channels").TryGetProperty(ChannelNames.WeChat, out var c)
            && c.Count("planned") == 4 && c.Count("delivered") + c.Count("failed") == 4, TimeSpan.FromSeconds(30));
        Assert.True(await Eventually.TrueAsync(() => city.Events.Count >= 2 && county.Events.Count >= 2), "both accounts recorded the hub's answers to their events");

        Assert.Equal(new[] { CityFollower, CityBlocker }, city.TemplateMessages.Select(m => m.OpenId).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { CountyFollower, DefaultFollower }, county.TemplateMessages.Select(m => m.OpenId).Order(StringComparer.Ordinal));
        Assert.All(city.Events.Concat(county.Events), e => Assert.Equal((200, "success"), (e.HttpStatus, e.Body)));
        var channel = warning.GetProperty("channels").GetProperty(ChannelNames.WeChat);
        Assert.Equal((3, 1, 0), (channel.Count("delivered"), channel.Count("failed"), channel.Count("pending")));
        var gateways = channel.GetProperty("gateways");
        Assert.Equal((1, 1), (gateways.GetProperty("wechat-oa:city").Count("delivered"), gateways.GetProperty("wechat-oa:city").Count("failed")));
        Assert.Equal((2, 0), (gateways.GetProperty("wechat-oa:county").Count("delivered"), gateways.GetProperty("wechat-oa:county").Count("failed")));

        var reach = await hub.ReachAsync(id);
        var villages = LoudspeakerHub.Villages(hub.Registry, 2);
        Assert.Equal((2, 2), (LoudspeakerHub.VillageChannel(reach, villages[0], ChannelNames.WeChat).Count("targeted"),
            LoudspeakerHub.VillageChannel(reach, villages[0], ChannelNames.WeChat).Count("delivered")));
        Assert.Equal((2, 1, 1), (LoudspeakerHub.VillageChannel(reach, villages[1], ChannelNames.WeChat).Count("targeted"),
            LoudspeakerHub.VillageChannel(reach, villages[1], ChannelNames.WeChat).Count("delivered"),
            LoudspeakerHub.VillageChannel(reach, villages[1], ChannelNames.WeChat).Count("failed")));
    }

    private static Dictionary<string, string?> Settings(string account, WeChatSimulator wechat) => new()
    {
        [$"WarningHub:WeChat:{account}:AppId"] = wechat.Options.AppId,
        [$"WarningHub:WeChat:{account}:AppSecret"] = wechat.Options.AppSecret,
        [$"WarningHub:WeChat:{account}:ApiBase"] = wechat.BaseUrl.ToString(),
        [$"WarningHub:WeChat:{account}:CallbackToken"] = wechat.Options.CallbackToken,
        [$"WarningHub:WeChat:{account}:DefaultTemplateId"] = "tpl-warning",
        [$"WarningHub:WeChat:{account}:FieldMap:keyword1"] = "{statusMark}{headline}",
        [$"WarningHub:WeChat:{account}:FieldMap:keyword2"] = "{area}",
        [$"WarningHub:WeChat:{account}:FieldMap:keyword3"] = "{instruction}",
    };
}
