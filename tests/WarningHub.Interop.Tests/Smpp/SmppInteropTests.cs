using System.Text.Json;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp;
using WarningHub.Interop.Tests.Support;
using WarningHub.Testing.Peers;

namespace WarningHub.Interop.Tests.Smpp;

/// <summary>The SMPP adapter against an independent implementation: the npm package `smpp` 0.5.1 acting as SMSC.</summary>
public class SmppInteropTests
{
    private const string Signature = "【井研县应急管理局】";

    private const string LongChinese =
        "井研县气象台发布暴雨橙色预警信号：过去3小时我县东林镇、集益镇等地降雨量已达50毫米以上，" +
        "预计未来3小时仍将持续，请注意防范山洪、滑坡、泥石流等地质灾害，远离河道、沟渠和危险边坡，" +
        "转移至安全地带。如遇险情请拨打119或110求助。各镇（街道）、村（社区）应急队伍立即到岗，" +
        "逐户通知群众，确保人员安全转移。😀";

    [Theory]
    [InlineData(SmppBindMode.Transceiver, "transceiver")]
    [InlineData(SmppBindMode.Transmitter, "transmitter")]
    public async Task Bind_InEitherMode_IsAcceptedAndASubmitGoesThrough(SmppBindMode mode, string expectedMode)
    {
        await using var peer = await NodeSmsc.StartAsync();
        await using var gateway = await StartGatewayAsync(peer, o => o.BindMode = mode);

        var result = await gateway.SendAsync(new TextMessage(1, "13800138000", "Gale warning level IV"), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var bind = Assert.Single(peer.OfType("bind"));
        Assert.Equal(expectedMode, bind.GetProperty("mode").GetString());
        Assert.True(await peer.WaitForAsync(p => p.OfType("submit").Any()), peer.Diagnostics());
        var submit = peer.OfType("submit").Single();
        Assert.Equal(result.ProviderMessageIds[0], submit.GetProperty("id").GetString());
        Assert.Equal("Gale warning level IV", submit.GetProperty("text").GetString());
        Assert.Equal("13800138000", submit.GetProperty("destination").GetString());
    }

    [Theory]
    [InlineData(false, 16, "udh16")]
    [InlineData(false, 8, "udh")]
    [InlineData(true, 16, "sar")]
    public async Task LongUcs2ChineseMessage_ReassembledByThePeer_EqualsTheOriginal(bool useSar, int referenceBits, string expectedConcatenation)
    {
        await using var peer = await NodeSmsc.StartAsync();
        await using var gateway = await StartGatewayAsync(peer, o => (o.Signature, o.UseSarTlvs, o.ConcatenationReferenceBits) = (Signature, useSar, referenceBits));

        var result = await gateway.SendAsync(new TextMessage(1, "13800138000", LongChinese), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(3, result.ProviderMessageIds.Count);
        Assert.True(await peer.WaitForAsync(p => p.OfType("message").Any()), peer.Diagnostics());
        var message = peer.OfType("message").Single();
        Assert.Equal(Signature + LongChinese, message.GetProperty("text").GetString());
        Assert.Equal(expectedConcatenation, message.GetProperty("concatenation").GetString());
        Assert.Equal(8, message.GetProperty("dataCoding").GetInt32());
        Assert.Equal(result.ProviderMessageIds, message.GetProperty("ids").EnumerateArray().Select(e => e.GetString()!));
        var submits = peer.OfType("submit").ToList();
        Assert.Equal(useSar ? 0 : 0x40, submits[0].GetProperty("esmClass").GetInt32() & 0x40);
    }

    [Fact]
    public async Task GsmTextWithExtensionCharacters_IsDecodedByThePeerAsSent()
    {
        const string text = "Level [II] {orange} ~ 5€ | a\\b ^";
        await using var peer = await NodeSmsc.StartAsync();
        await using var gateway = await StartGatewayAsync(peer);

        var result = await gateway.SendAsync(new TextMessage(1, "13800138000", text), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.True(await peer.WaitForAsync(p => p.OfType("message").Any()), peer.Diagnostics());
        var message = peer.OfType("message").Single();
        Assert.Equal(0, message.GetProperty("dataCoding").GetInt32());
        Assert.Equal(text, message.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Receipts_FromThePeer_CorrelateWithTheSubmitIds()
    {
        await using var peer = await NodeSmsc.StartAsync();
        await using var gateway = await StartGatewayAsync(peer);

        var results = await Task.WhenAll(Enumerable.Range(0, 5)
            .Select(i => gateway.SendAsync(new TextMessage(i, "1380013800" + i, "receipt " + i), CancellationToken.None).AsTask()));
        var receipts = await ReadReceiptsAsync(gateway, 5);

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        Assert.Equal(results.Select(r => r.ProviderMessageIds[0]).Order(), receipts.Select(r => r.ProviderMessageId).Order());
        Assert.All(receipts, r => Assert.Equal((DeliveryStatus.Delivered, "DELIVRD"), (r.Status, r.Code)));
        Assert.True(await peer.WaitForAsync(p => p.OfType("receipt-acknowledged").Count() == 5), peer.Diagnostics());
        Assert.All(peer.OfType("receipt-acknowledged"), e => Assert.Equal(0, e.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task Throttling_EveryThirdSubmit_IsHandledWithNothingLost()
    {
        const int messages = 30;
        await using var peer = await NodeSmsc.StartAsync("--throttle-every", "3");
        await using var gateway = await StartGatewayAsync(peer, o => o.ThrottlePause = TimeSpan.FromMilliseconds(20));

        var texts = Enumerable.Range(0, messages).Select(i => $"Flood warning {i}").ToList();
        var results = await Task.WhenAll(texts.Select((text, i) => gateway.SendAsync(new TextMessage(i, "13800138000", text), CancellationToken.None).AsTask()))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        Assert.NotEmpty(peer.OfType("throttled"));
        Assert.True(await peer.WaitForAsync(p => p.OfType("message").Count() >= messages), peer.Diagnostics());
        var delivered = peer.OfType("message").Select(m => m.GetProperty("text").GetString()).ToList();
        Assert.Equal(texts.Order(), delivered.Order()); // every text exactly once: nothing lost, nothing doubled
        var receipts = await ReadReceiptsAsync(gateway, messages);
        Assert.Equal(results.Select(r => r.ProviderMessageIds[0]).Order(), receipts.Select(r => r.ProviderMessageId).Order());
    }

    private static async Task<SmppGateway> StartGatewayAsync(NodeSmsc peer, Action<SmppOptions>? configure = null)
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
        var gateway = new SmppGateway("node", options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await gateway.StartAsync(timeout.Token);
        Assert.Equal(1, gateway.LiveBinds);
        return gateway;
    }

    private static async Task<List<Receipt>> ReadReceiptsAsync(SmppGateway gateway, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var receipts = new List<Receipt>();
        try
        {
            while (receipts.Count < count)
            {
                receipts.Add(await gateway.Receipts.ReadAsync(timeout.Token));
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Only {receipts.Count} of {count} receipts arrived from the peer.");
        }

        return receipts;
    }
}
