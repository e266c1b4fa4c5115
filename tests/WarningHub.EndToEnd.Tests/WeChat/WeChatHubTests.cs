using System.Globalization;
using System.Net;
using System.Text;
using ChannelNames = WarningHub.Core.Planning.Channels;
using WarningHub.Core.Registry;
using WarningHub.EndToEnd.Tests.Loudspeakers;
using WarningHub.Simulators.WeChat;

namespace WarningHub.EndToEnd.Tests.WeChat;

/// <summary>
/// The county's WeChat official account through the simulated WeChat API: template messages to followers, and
/// WeChat's signed TEMPLATESENDJOBFINISH events back to the hub's callback route settling the slots.
/// </summary>
public sealed class WeChatHubTests
{
    private const string Account = "county";
    private const string Follower = "oia2TjuEGTNoeX76QEjQNrcURxG8";
    private const string Blocker = "oia2TjjewbmiOUlr6X-1crbLOvLw";
    private const string Neighbour = "oia2Tjk3mZpQ7d9sW2xV5bN8cR1A";

    [Fact]
    public async Task Warning_GoesToEveryFollowerAsATemplate_AndWeChatsEventsSettleTheSlots_CountedPerVillage()
    {
        await using var wechat = new WeChatSimulator(SimulatorOptions());
        wechat.Options.BlockingOpenIds.Add(Blocker);
        await wechat.StartAsync();
        List<string> villages = [];
        await using var hub = await TestHub.StartAsync(persons: 300, settings: Settings(wechat), endpoints: registry =>
        {
            villages = LoudspeakerHub.Villages(registry, 2);
            return new CountyEndpoints([], [new(Follower, villages[0], null, false), new(Blocker, villages[0], null, false), new(Neighbour, villages[1], null, false)], []);
        });
        wechat.Options.CallbackUrl = CallbackUrl(hub);
        Assert.True(await wechat.VerifyCallbackUrlAsync(), "the hub echoes WeChat's handshake");

        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var warning = await TestHub.WaitForAsync(hub.Http, id, w => w.GetProperty("channels").TryGetProperty(ChannelNames.WeChat, out var c)
            && c.Count("planned") == 3 && c.Count("delivered") + c.Count("failed") == 3, TimeSpan.FromSeconds(30));
        // The simulator records an event's answer after the hub has settled the slot: wait for all three answers.
        Assert.True(await Eventually.TrueAsync(() => wechat.Events.Count >= 3), "WeChat recorded the hub's answers to its three events");

        var sent = wechat.TemplateMessages;
        Assert.Equal(new[] { Blocker, Follower, Neighbour }.Order(StringComparer.Ordinal), sent.Select(m => m.OpenId).Order(StringComparer.Ordinal));
        Assert.All(sent, m => Assert.Equal("tpl-warning", m.TemplateId));
        Assert.All(sent, m => Assert.Contains("暴雨红色预警", m.Data["keyword1"], StringComparison.Ordinal));
        Assert.All(wechat.Events, e => Assert.Equal((200, "success"), (e.HttpStatus, e.Body)));
        Assert.Equal(3, wechat.Events.Count);
        var channel = warning.GetProperty("channels").GetProperty(ChannelNames.WeChat);
        Assert.Equal((2, 1), (channel.Count("delivered"), channel.Count("failed")));

        var reach = await hub.ReachAsync(id);
        var home = LoudspeakerHub.VillageChannel(reach, villages[0], ChannelNames.WeChat);
        Assert.Equal((2, 1, 1, 0), (home.Count("targeted"), home.Count("delivered"), home.Count("failed"), home.Count("pending")));
        var next = LoudspeakerHub.VillageChannel(reach, villages[1], ChannelNames.WeChat);
        Assert.Equal((1, 1, 0), (next.Count("targeted"), next.Count("delivered"), next.Count("failed")));
        Assert.False(home.TryGetProperty("offline", out _), "followers are not terminals");
    }

    [Fact]
    public async Task Followers_AreNotQueuedBehindTheCountysSms()
    {
        // One SMS worker and a gateway held to 100 messages a second: the county's SMS takes half a minute. WeChat's
        // shard runs on workers of its own, so its followers are settled while SMS is still going out. In one shared
        // queue it waited behind every SMS shard.
        await using var wechat = new WeChatSimulator(SimulatorOptions());
        await wechat.StartAsync();
        var settings = Settings(wechat);
        settings["WarningHub:Engine:Workers"] = "1";
        await using var hub = await TestHub.StartAsync(persons: 3000, gatewayRate: 100, settings: settings,
            endpoints: registry => new CountyEndpoints([], [new(Follower, LoudspeakerHub.Villages(registry, 1)[0], null, false)], []));
        wechat.Options.CallbackUrl = CallbackUrl(hub);

        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var warning = await TestHub.WaitForAsync(hub.Http, id, w => w.GetProperty("channels").TryGetProperty(ChannelNames.WeChat, out var c)
            && c.Count("delivered") == 1, TimeSpan.FromSeconds(25));

        Assert.True(TestHub.Sms(warning, "pending") > 0, "the SMS fan-out is still under way when the follower has been reached");
    }

    [Fact]
    public async Task ForgedCallback_IsRefused_AndChangesNothing_WhileTheGenuineOneSettlesTheSlot()
    {
        // No callback URL yet: the send is accepted and its slot waits for a receipt that only the test will post.
        await using var wechat = new WeChatSimulator(SimulatorOptions());
        await wechat.StartAsync();
        await using var hub = await TestHub.StartAsync(persons: 300, settings: Settings(wechat),
            endpoints: registry => new CountyEndpoints([], [new(Follower, LoudspeakerHub.Villages(registry, 1)[0], null, false)], []));
        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        await TestHub.WaitForAsync(hub.Http, id, w => w.GetProperty("channels").TryGetProperty(ChannelNames.WeChat, out var c) && c.Count("awaitingReceipt") == 1,
            TimeSpan.FromSeconds(30));
        var msgId = Assert.Single(wechat.TemplateMessages).MsgId;

        var forged = await PostEventAsync(hub, msgId, "failed:user block", token: "not-the-account-token");
        var unsigned = await PostEventAsync(hub, msgId, "failed:user block", token: null);
        var unknownAccount = await PostEventAsync(hub, msgId, "failed:user block", token: wechat.Options.CallbackToken, account: "elsewhere");
        // No sleep: receipts reach the ledger in order through one pump, so the genuine event settling the slot as
        // delivered (below) is the signal that none of the refused "failed" events was taken: a slot failed first
        // would have stayed failed.
        var untouched = (await hub.WarningAsync(id)).GetProperty("channels").GetProperty(ChannelNames.WeChat);
        var genuine = await PostEventAsync(hub, msgId, "success", token: wechat.Options.CallbackToken);
        var settled = await TestHub.WaitForAsync(hub.Http, id, w => w.GetProperty("channels").GetProperty(ChannelNames.WeChat).Count("delivered") == 1,
            TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Forbidden, forged);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned);
        Assert.Equal(HttpStatusCode.NotFound, unknownAccount);
        Assert.Equal((1, 0, 0), (untouched.Count("awaitingReceipt"), untouched.Count("delivered"), untouched.Count("failed")));
        Assert.Equal(HttpStatusCode.OK, genuine);
        Assert.Equal(0, settled.GetProperty("channels").GetProperty(ChannelNames.WeChat).Count("failed"));
    }

    private static WeChatSimulatorOptions SimulatorOptions() => new();

    private static Dictionary<string, string?> Settings(WeChatSimulator wechat) => new()
    {
        [$"WarningHub:WeChat:{Account}:AppId"] = wechat.Options.AppId,
        [$"WarningHub:WeChat:{Account}:AppSecret"] = wechat.Options.AppSecret,
        [$"WarningHub:WeChat:{Account}:ApiBase"] = wechat.BaseUrl.ToString(),
        [$"WarningHub:WeChat:{Account}:CallbackToken"] = wechat.Options.CallbackToken,
        [$"WarningHub:WeChat:{Account}:DefaultTemplateId"] = "tpl-warning",
        [$"WarningHub:WeChat:{Account}:FieldMap:keyword1"] = "{statusMark}{headline}",
        [$"WarningHub:WeChat:{Account}:FieldMap:keyword2"] = "{area}",
        [$"WarningHub:WeChat:{Account}:FieldMap:keyword3"] = "{instruction}",
        // Receipts come within seconds here; the window must not close on them first.
        ["WarningHub:Engine:ReceiptWindow"] = "00:01:00",
    };

    private static Uri CallbackUrl(TestHub hub, string account = Account) => new(hub.Http.BaseAddress!, $"/api/v1/callbacks/wechat/{account}");

    /// <summary>A TEMPLATESENDJOBFINISH event as WeChat posts it, signed with <paramref name="token"/> (none: unsigned).</summary>
    private static async Task<HttpStatusCode> PostEventAsync(TestHub hub, long msgId, string status, string? token, string account = Account)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        const string nonce = "371846219";
        var query = token is null ? "" : $"?signature={WeChatSimulator.Sign(token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}&openid={Follower}";
        var xml = $"<xml><ToUserName><![CDATA[gh_5117a1d2c3e4]]></ToUserName><FromUserName><![CDATA[{Follower}]]></FromUserName>"
            + $"<CreateTime>{timestamp}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event>"
            + $"<MsgID>{msgId.ToString(CultureInfo.InvariantCulture)}</MsgID><Status><![CDATA[{status}]]></Status></xml>";
        using var client = new HttpClient { BaseAddress = hub.Http.BaseAddress }; // WeChat has no API key
        using var response = await client.PostAsync(new Uri(CallbackUrl(hub, account) + query), new StringContent(xml, Encoding.UTF8, "text/xml"));
        return response.StatusCode;
    }
}
