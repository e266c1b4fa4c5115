using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Sgip.Tests.Support;

namespace WarningHub.Channels.Sms.Sgip.Tests.Gateway;

/// <summary>Flash SMS (闪信) for 叫应 calls: MessageCoding 24 (UCS2, class 0), never for a public warning.</summary>
public class SgipFlashTests
{
    [Fact]
    public async Task AFlashCall_GoesWithMessageCoding24_AndAPublicWarningWith8()
    {
        await using var harness = await SmgHarness.StartAsync();

        await harness.Gateway.SendAsync(new TextMessage(-1, "13000130000", "【叫应】暴雨红色预警，请回复1确认收到。", RequestReceipt: false) { Flash = true }, CancellationToken.None);
        await harness.Gateway.SendAsync(new TextMessage(2, "13100131000", "井研县气象台发布暴雨红色预警。"), CancellationToken.None);

        var submits = harness.Smg.RecordedSubmits;
        Assert.Equal((24, 2), (submits.Single(s => s.UserNumber == "8613000130000").MessageCoding, submits.Single(s => s.UserNumber == "8613000130000").ReportFlag));
        Assert.Equal(8, submits.Single(s => s.UserNumber == "8613100131000").MessageCoding);
    }
}
