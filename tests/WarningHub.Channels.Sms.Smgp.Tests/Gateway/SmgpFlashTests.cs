using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smgp.Tests.Support;

namespace WarningHub.Channels.Sms.Smgp.Tests.Gateway;

/// <summary>Flash SMS (闪信) for 叫应 calls: MsgFormat 24 (UCS2, class 0), never for a public warning.</summary>
public class SmgpFlashTests
{
    [Fact]
    public async Task AFlashCall_GoesWithMsgFormat24_AndAPublicWarningWith8()
    {
        await using var harness = await SmgwHarness.StartAsync();

        await harness.Gateway.SendAsync(new TextMessage(-1, "13300133000", "【叫应】暴雨红色预警，请回复1确认收到。", RequestReceipt: false) { Flash = true }, CancellationToken.None);
        await harness.Gateway.SendAsync(new TextMessage(2, "18900189000", "井研县气象台发布暴雨红色预警。"), CancellationToken.None);

        var submits = harness.Smgw.RecordedSubmits;
        Assert.Equal((24, 0), (submits.Single(s => s.Destination == "13300133000").MsgFormat, submits.Single(s => s.Destination == "13300133000").NeedReport));
        Assert.Equal(8, submits.Single(s => s.Destination == "18900189000").MsgFormat);
    }
}
