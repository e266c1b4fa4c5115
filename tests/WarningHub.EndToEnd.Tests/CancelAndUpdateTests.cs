
namespace WarningHub.EndToEnd.Tests;

public sealed class CancelAndUpdateTests
{
    [Fact]
    public async Task Cancel_MidFanOut_StopsEveryPendingSend_AndNothingMoreReachesTheSmsc()
    {
        // 200 submit_sm per second and three parts per message: the fan-out would take about 40 s.
        await using var hub = await TestHub.StartAsync(persons: 3000, gatewayRate: 200);
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var id = await hub.SubmitAcceptedAsync(alert);
        await TestHub.WaitForAsync(hub.Http, id, w => TestHub.Sms(w, "sent") > 50, TimeSpan.FromSeconds(30));

        await hub.SubmitAcceptedAsync(LiveWarning.CancelOf(alert));
        // Bounded generously: how fast the stop is (within 5 s) is proved on fake time in Engine.Tests.
        var warning = await TestHub.WaitForAsync(hub.Http, id, w => TestHub.Sms(w, "pending") - TestHub.Sms(w, "awaitingReceipt") == 0, TimeSpan.FromSeconds(30));

        Assert.Equal("Cancelled", warning.GetProperty("state").GetString());
        var final = await hub.WaitAllFinalAsync(id);
        Assert.True(TestHub.Sms(final, "failed") > 1000, $"most slots end cancelled: {final}");
        Assert.Equal(TestHub.Sms(final, "planned"), TestHub.Sms(final, "delivered") + TestHub.Sms(final, "failed") + TestHub.Sms(final, "unconfirmed"));
        await hub.AssertSmscHasExactlyTheSentMessagesAsync(id); // nothing more reached the SMSC
    }

    [Fact]
    public async Task Update_SupersedesTheEarlierWarningsPendingSends_AndIsReleasedItself()
    {
        await using var hub = await TestHub.StartAsync(persons: 2000, gatewayRate: 300);
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var first = await hub.SubmitAcceptedAsync(alert);
        await TestHub.WaitForAsync(hub.Http, first, w => TestHub.Sms(w, "sent") > 20, TimeSpan.FromSeconds(30));

        var second = await hub.SubmitAcceptedAsync(LiveWarning.UpdateOf(alert));
        var earlier = await hub.WaitAllFinalAsync(first);
        var later = await hub.WaitAllFinalAsync(second, TimeSpan.FromSeconds(90));

        Assert.Equal("Superseded", earlier.GetProperty("state").GetString());
        Assert.True(TestHub.Sms(earlier, "failed") > 0, "the earlier warning's pending slots were cancelled");
        Assert.Equal(TestHub.Sms(later, "planned"), TestHub.Sms(later, "delivered"));
        Assert.Contains(hub.Smsc.ReceivedMessages, m => m.Text.Contains("（更新）", StringComparison.Ordinal));
        Assert.Equal(first, later.GetProperty("references")[0].GetString());
    }
}
