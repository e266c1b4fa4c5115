using WarningHub.Channels.Sms.Smpp;
using WarningHub.Core.Acknowledgements;
using WarningHub.Interop.Tests.Support;

namespace WarningHub.Interop.Tests.Smpp;

/// <summary>
/// Officers' replies (叫应) as the npm `smpp` package sends them: mobile-originated deliver_sm PDUs that nobody here
/// wrote. Each comes out of the adapter as an inbound text that the hub's reply reading takes as an answer.
/// </summary>
public sealed class SmppMobileOriginatedInteropTests
{
    [Theory]
    [InlineData("收到", 8)]
    [InlineData("已收到", null)]
    [InlineData("１", 8)]
    [InlineData("OK", 1)]
    [InlineData("ok", null)]
    [InlineData("好", null)]
    public async Task AReplyFromThePeer_ComesOutAsAnInboundText_ThatCountsAsAnAnswer(string text, int? dataCoding)
    {
        await using var peer = await NodeSmsc.StartAsync();
        await using var gateway = await StartGatewayAsync(peer);

        await peer.SendMobileOriginatedAsync("8613800138001", "10657001", text, dataCoding);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var reply = await gateway.InboundTexts.ReadAsync(wait.Token);

        Assert.Equal(("8613800138001", "10657001", text), (reply.Sender, reply.Recipient, reply.Text));
        Assert.True(AckReply.IsAnswer(reply.Text));
        Assert.True(await peer.WaitForAsync(p => p.OfType("mo-acknowledged").Any()), peer.Diagnostics());
        Assert.Equal(0, peer.OfType("mo-acknowledged").Single().GetProperty("status").GetInt32());
        Assert.False(gateway.Receipts.TryRead(out _));
    }

    [Fact]
    public async Task AReplyThatIsNotAnAnswer_StillComesOut_ButIsNotAnAnswer()
    {
        await using var peer = await NodeSmsc.StartAsync();
        await using var gateway = await StartGatewayAsync(peer);

        await peer.SendMobileOriginatedAsync("13800138001", "10657001", "请问在哪里集合？");
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var reply = await gateway.InboundTexts.ReadAsync(wait.Token);

        Assert.Equal("请问在哪里集合？", reply.Text);
        Assert.False(AckReply.IsAnswer(reply.Text));
    }

    private static async Task<SmppGateway> StartGatewayAsync(NodeSmsc peer)
    {
        var options = new SmppOptions
        {
            Host = "127.0.0.1",
            Port = peer.Port,
            SystemId = "warninghub",
            Password = "secret",
            SourceAddress = "10657001",
            ResponseTimeout = TimeSpan.FromSeconds(5),
            ReconnectMin = TimeSpan.FromMilliseconds(100),
            ReconnectMax = TimeSpan.FromSeconds(1),
        };
        var gateway = new SmppGateway("node", options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await gateway.StartAsync(timeout.Token);
        Assert.Equal(1, gateway.LiveBinds);
        return gateway;
    }
}
