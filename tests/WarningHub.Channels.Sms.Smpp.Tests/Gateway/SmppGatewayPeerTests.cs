using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Tests.Support;

namespace WarningHub.Channels.Sms.Smpp.Tests.Gateway;

/// <summary>
/// The gateway's essentials against two SMSCs whose codecs are not the adapter's: our simulator and the npm
/// <c>smpp</c> package. A codec checked only against itself can agree with itself on a mistake; each test here
/// holds against an implementation nobody here wrote too.
/// </summary>
public sealed class SmppGatewayPeerTests
{
    private const string Signature = "【井研县应急管理局】";

    private const string LongChinese =
        "井研县气象台发布暴雨橙色预警信号：过去3小时我县东林镇、集益镇等地降雨量已达50毫米以上，" +
        "预计未来3小时仍将持续，请注意防范山洪、滑坡、泥石流等地质灾害，远离河道、沟渠和危险边坡，" +
        "转移至安全地带。如遇险情请拨打119或110求助。各镇（街道）、村（社区）应急队伍立即到岗。";

    [Theory]
    [InlineData(SmscPeer.Simulator)]
    [InlineData(SmscPeer.Npm)]
    public async Task Bind_AsTransceiver_ThenAShortGsmText_IsAcceptedAndArrivesAsSent(string kind)
    {
        await using var peer = await SmscPeer.StartAsync(kind);
        await using var gateway = await StartGatewayAsync(peer);

        var result = await gateway.SendAsync(new TextMessage(1, "13800138000", "Gale warning level IV [~]"), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(1, peer.Binds);
        Assert.True(await Eventually.TrueAsync(() => peer.Messages.Count >= 1), peer.Diagnostics());
        var message = Assert.Single(peer.Messages);
        Assert.Equal(("13800138000", "Gale warning level IV [~]", 0), (message.Destination, message.Text, message.DataCoding));
        Assert.Equal(result.ProviderMessageIds, message.Ids);
    }

    [Theory]
    [InlineData(SmscPeer.Simulator, false)]
    [InlineData(SmscPeer.Npm, false)]
    [InlineData(SmscPeer.Simulator, true)]
    [InlineData(SmscPeer.Npm, true)]
    public async Task LongChineseText_GoesInPartsThatThePeerReassemblesToTheSignedText(string kind, bool useSar)
    {
        await using var peer = await SmscPeer.StartAsync(kind);
        await using var gateway = await StartGatewayAsync(peer, o => (o.Signature, o.UseSarTlvs) = (Signature, useSar));

        var result = await gateway.SendAsync(new TextMessage(1, "13800138000", LongChinese), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(3, result.ProviderMessageIds.Count);
        Assert.True(await Eventually.TrueAsync(() => peer.Messages.Count >= 1), peer.Diagnostics());
        var message = Assert.Single(peer.Messages);
        Assert.Equal(Signature + LongChinese, message.Text);
        Assert.Equal(8, message.DataCoding);
        Assert.Equal(result.ProviderMessageIds, message.Ids);
    }

    [Theory]
    [InlineData(SmscPeer.Simulator)]
    [InlineData(SmscPeer.Npm)]
    public async Task Receipts_FromThePeer_CarryTheIdsItGaveTheSubmits(string kind)
    {
        await using var peer = await SmscPeer.StartAsync(kind);
        await using var gateway = await StartGatewayAsync(peer);

        var results = await Task.WhenAll(Enumerable.Range(0, 5)
            .Select(i => gateway.SendAsync(new TextMessage(i, "1380013800" + i, "receipt " + i), CancellationToken.None).AsTask()));
        var receipts = await ReadReceiptsAsync(gateway, 5);

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        Assert.Equal(results.Select(r => r.ProviderMessageIds[0]).Order(), receipts.Select(r => r.ProviderMessageId).Order());
        Assert.All(receipts, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
    }

    [Theory]
    [InlineData(SmscPeer.Simulator)]
    [InlineData(SmscPeer.Npm)]
    public async Task Throttling_SomeSubmitsRefused_SlowsDown_AndEveryTextArrivesExactlyOnce(string kind)
    {
        const int messages = 30;
        await using var peer = await SmscPeer.StartAsync(kind, throttleSome: true);
        await using var gateway = await StartGatewayAsync(peer, o => o.ThrottlePause = TimeSpan.FromMilliseconds(20));

        var texts = Enumerable.Range(0, messages).Select(i => $"Flood warning {i}").ToList();
        var results = await Task.WhenAll(texts.Select((text, i) => gateway.SendAsync(new TextMessage(i, "13800138000", text), CancellationToken.None).AsTask()))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        Assert.True(peer.Throttled > 0, "the SMSC throttled some submits");
        Assert.True(await Eventually.TrueAsync(() => peer.Messages.Count >= messages), peer.Diagnostics());
        Assert.Equal(texts.Order(), peer.Messages.Select(m => m.Text).Order()); // nothing lost, nothing doubled
    }

    [Theory]
    [InlineData(SmscPeer.Simulator)]
    [InlineData(SmscPeer.Npm)]
    public async Task IdleBind_SendsEnquireLinks_ThePeerAnswersThem_AndTheBindStaysUsable(string kind)
    {
        await using var peer = await SmscPeer.StartAsync(kind);
        await using var gateway = await StartGatewayAsync(peer, o => o.EnquireLinkInterval = TimeSpan.FromMilliseconds(100));

        Assert.True(await Eventually.TrueAsync(() => peer.EnquireLinks >= 3), peer.Diagnostics());
        var result = await gateway.SendAsync(new TextMessage(1, "13800138000", "still bound"), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.True(gateway.Health.IsUp);
        Assert.Equal(1, gateway.LiveBinds);
        Assert.Equal(1, peer.Binds); // answered links were never taken for dead ones
    }

    private static async Task<SmppGateway> StartGatewayAsync(SmscPeer peer, Action<SmppOptions>? configure = null)
    {
        var options = new SmppOptions
        {
            Host = "127.0.0.1",
            Port = peer.Port,
            SystemId = "warninghub",
            Password = "secret",
            SourceAddress = "12379",
            ResponseTimeout = TimeSpan.FromSeconds(5),
            ReconnectMin = TimeSpan.FromMilliseconds(100),
            ReconnectMax = TimeSpan.FromSeconds(1),
        };
        configure?.Invoke(options);
        var validation = new SmppOptionsValidator().Validate("test", options);
        Assert.True(validation.Succeeded, validation.FailureMessage);
        var gateway = new SmppGateway("peer", options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await gateway.StartAsync(timeout.Token);
        return gateway;
    }

    private static async Task<List<Receipt>> ReadReceiptsAsync(SmppGateway gateway, int count)
    {
        var receipts = new List<Receipt>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            while (receipts.Count < count) receipts.Add(await gateway.Receipts.ReadAsync(timeout.Token));
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{receipts.Count} of {count} receipts arrived");
        }
        return receipts;
    }
}
