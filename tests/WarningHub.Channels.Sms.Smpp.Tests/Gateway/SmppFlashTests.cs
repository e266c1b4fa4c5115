using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Tests.Support;

namespace WarningHub.Channels.Sms.Smpp.Tests.Gateway;

/// <summary>Flash SMS (闪信) for 叫应 calls, read back by the npm <c>smpp</c> SMSC: data_coding 0x18, never for a public warning.</summary>
public sealed class SmppFlashTests
{
    [Fact]
    public async Task AFlashCall_GoesAsUcs2ClassZero_0x18_AndAPublicWarningAsPlainUcs2_0x08()
    {
        await using var peer = await SmscPeer.StartAsync(SmscPeer.Npm);
        await using var gateway = new SmppGateway("flash", new SmppOptions { Host = "127.0.0.1", Port = peer.Port, SystemId = "warninghub", Password = "secret", SourceAddress = "12379" });
        using (var start = new CancellationTokenSource(TimeSpan.FromSeconds(10))) await gateway.StartAsync(start.Token);

        var call = await gateway.SendAsync(new TextMessage(-1, "13800138000", "【叫应】暴雨红色预警，请回复1确认收到。", RequestReceipt: false) { Flash = true }, CancellationToken.None);
        var warning = await gateway.SendAsync(new TextMessage(2, "13900139000", "井研县气象台发布暴雨红色预警。"), CancellationToken.None);

        Assert.Equal((SendOutcome.Accepted, SendOutcome.Accepted), (call.Outcome, warning.Outcome));
        Assert.True(await Eventually.TrueAsync(() => peer.Messages.Count >= 2), peer.Diagnostics());
        Assert.Equal(0x18, peer.Messages.Single(m => m.Destination == "13800138000").DataCoding);
        Assert.Equal(0x08, peer.Messages.Single(m => m.Destination == "13900139000").DataCoding);
    }
}
