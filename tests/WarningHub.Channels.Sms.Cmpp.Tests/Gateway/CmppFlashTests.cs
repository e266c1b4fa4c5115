using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Cmpp.Tests.Support;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Gateway;

/// <summary>Flash SMS (闪信) for 叫应 calls: Msg_Fmt 24 (UCS2, class 0), never for a public warning.</summary>
public class CmppFlashTests
{
    [Fact]
    public async Task AFlashCall_GoesWithMsgFmt24_AndAPublicWarningWithMsgFmt8()
    {
        await using var harness = await IsmgHarness.StartAsync();

        await harness.Gateway.SendAsync(new TextMessage(-1, "13800138000", "【叫应】暴雨红色预警，请回复1确认收到。", RequestReceipt: false) { Flash = true }, CancellationToken.None);
        await harness.Gateway.SendAsync(new TextMessage(2, "13900139000", "井研县气象台发布暴雨红色预警。"), CancellationToken.None);

        var submits = harness.Ismg.RecordedSubmits;
        Assert.Equal(24, submits.Single(s => s.Destination == "13800138000").MsgFmt);
        Assert.Equal(8, submits.Single(s => s.Destination == "13900139000").MsgFmt);
    }
}
