using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Tests.Support;
using WarningHub.Simulators.WeChat;

namespace WarningHub.Channels.WeChat.Tests.EndToEnd;

/// <summary>
/// The whole path on loopback: the adapter registered as the hub registers it sends through the simulator, the simulator
/// posts the signed TEMPLATESENDJOBFINISH event to the callback endpoint, and the receipt comes out of the adapter.
/// </summary>
public sealed class WeChatRoundTripTests : IAsyncLifetime
{
    private readonly WeChatSimulatorOptions _simulatorOptions = new();
    private ServiceProvider _hub = null!;
    private CallbackHost _callbacks = null!;
    private WeChatSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        // The simulator's address is known only once it listens, and the callback host's only once it does: start the
        // callback host on a provider whose options are read lazily, then the simulator.
        Uri? apiBase = null;
        _hub = new ServiceCollection()
            .AddWeChatOfficialAccount("county", o =>
            {
                var sample = Accounts.Options(apiBase!);
                (o.AppId, o.AppSecret, o.ApiBase, o.CallbackToken, o.DefaultTemplateId, o.FieldMap) =
                    (sample.AppId, sample.AppSecret, sample.ApiBase, sample.CallbackToken, sample.DefaultTemplateId, sample.FieldMap);
            })
            .BuildServiceProvider();
        _callbacks = await CallbackHost.StartAsync(_hub);
        _simulatorOptions.CallbackUrl = _callbacks.CallbackUrl("county");
        _simulatorOptions.BlockingOpenIds.Add(Accounts.OtherOpenId);
        _simulator = await Accounts.StartSimulatorAsync(_simulatorOptions);
        apiBase = _simulator.BaseUrl;
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        await _callbacks.DisposeAsync();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task ServerConfigurationHandshake_EchoesTheSimulatorsEchostr()
    {
        Assert.True(await _simulator.VerifyCallbackUrlAsync());
    }

    [Fact]
    public async Task Send_ThenWeChatsEvent_ComesBackAsADeliveredReceiptForTheSameMsgId()
    {
        var account = _hub.GetRequiredKeyedService<WeChatOfficialAccount>("county");

        var result = await account.SendAsync(Accounts.Warning(), CancellationToken.None);
        var receipt = await NextReceiptAsync();

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(result.ProviderMessageIds[0], receipt.ProviderMessageId);
        Assert.Equal((DeliveryStatus.Delivered, "success"), (receipt.Status, receipt.Code));
        // The receipt can come out before the simulator has read the callback's answer.
        Assert.True(await Eventually.TrueAsync(() => _simulator.Events.Count == 1));
        var posted = Assert.Single(_simulator.Events);
        Assert.Equal((200, "success"), (posted.HttpStatus, posted.Body));
    }

    [Fact]
    public async Task Send_ToAUserWhoBlocksTheAccount_ComesBackAsAFailedReceipt()
    {
        var account = _hub.GetRequiredKeyedService<WeChatOfficialAccount>("county");

        var result = await account.SendAsync(Accounts.Warning(openId: Accounts.OtherOpenId), CancellationToken.None);
        var receipt = await NextReceiptAsync();

        Assert.Equal(result.ProviderMessageIds[0], receipt.ProviderMessageId);
        Assert.Equal((DeliveryStatus.Failed, "failed:user block"), (receipt.Status, receipt.Code));
    }

    [Fact]
    public async Task Send_ManyAtOnce_EveryMsgIdGetsExactlyItsReceipt()
    {
        var account = _hub.GetRequiredKeyedService<WeChatOfficialAccount>("county");

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            account.SendAsync(Accounts.Warning(openId: i % 4 == 0 ? Accounts.OtherOpenId : Accounts.OpenId, reference: i), CancellationToken.None).AsTask()));
        var receipts = new List<Receipt>();
        for (var i = 0; i < results.Length; i++)
        {
            receipts.Add(await NextReceiptAsync());
        }

        Assert.Equal(results.Select(r => r.ProviderMessageIds[0]).Order(), receipts.Select(r => r.ProviderMessageId).Order());
        Assert.Equal(10, receipts.Count(r => r.Status == DeliveryStatus.Failed));
    }

    [Fact]
    public async Task AnEventForAnAccountTheHubDoesNotHave_IsNotFound()
    {
        using var client = new HttpClient();
        var timestamp = "1714370000";
        var url = new Uri(_callbacks.BaseUrl, $"api/v1/callbacks/wechat/elsewhere?signature={WeChatSimulator.Sign("simtoken2024", timestamp, "1")}&timestamp={timestamp}&nonce=1&echostr=x");

        using var response = await client.GetAsync(url);

        Assert.Equal(404, (int)response.StatusCode);
    }

    private async Task<Receipt> NextReceiptAsync()
    {
        var account = _hub.GetRequiredKeyedService<WeChatOfficialAccount>("county");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await account.Receipts.ReadAsync(timeout.Token);
    }
}
