namespace WarningHub.EndToEnd.Tests;

/// <summary>
/// Smoke tests of Quartz's two jobs through the whole hub on the real clock: release at <c>effective</c>, expiry at
/// <c>expires</c>. The guarantees themselves (and repeats, cancel within 5 s, receipt windows) are proved on fake time
/// in WarningHub.Engine.Tests/Time.
/// </summary>
public sealed class TimeTests
{
    [Fact]
    public async Task Release_WaitsForEffective_ThenSends()
    {
        await using var hub = await TestHub.StartAsync(persons: 300);
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var effective = alert.Sent.AddSeconds(4);
        alert = alert with { Infos = alert.Infos.Select(i => i with { Effective = effective }).ToList() };

        var id = await hub.SubmitAcceptedAsync(alert);
        var before = await hub.WarningAsync(id);

        Assert.Equal("Accepted", before.GetProperty("state").GetString());
        Assert.Equal(0, TestHub.Sms(before, "planned"));
        var after = await hub.WaitAllFinalAsync(id, TimeSpan.FromSeconds(30));
        Assert.True(after.GetProperty("releasedAt").GetDateTimeOffset() >= effective, "released at or after effective");
        Assert.Equal(TestHub.Sms(after, "planned"), TestHub.Sms(after, "delivered"));
    }

    [Fact]
    public async Task Expiry_MidFanOut_ExpiresEveryPendingSlotAndSendsNothingAfter()
    {
        // 100 submit_sm a second, three parts a message: 1,800 phones would take about 54 s; the warning lasts 4 s.
        await using var hub = await TestHub.StartAsync(persons: 2000, gatewayRate: 100);
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml", expiresIn: TimeSpan.FromSeconds(5));

        var id = await hub.SubmitAcceptedAsync(alert);
        var final = await hub.WaitAllFinalAsync(id, TimeSpan.FromSeconds(40));

        Assert.Equal("Expired", final.GetProperty("state").GetString());
        Assert.True(TestHub.Sms(final, "failed") > 1000, "most slots expired unsent");
        Assert.True(TestHub.Sms(final, "sent") > 0, "some went before expiry");
        await hub.AssertSmscHasExactlyTheSentMessagesAsync(id);
    }

    [Fact]
    public async Task ReceiptWindow_WithAnSmscThatSendsNoReceipts_EndsEverySentSlotUnconfirmed()
    {
        // The test hub's receipt window is 5 s, swept every second (fake-time proof: Engine.Tests/Time/ReceiptWindowTests).
        await using var hub = await TestHub.StartAsync(persons: 300, smsc: s => s.SendReceipts = false);

        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var final = await hub.WaitAllFinalAsync(id, TimeSpan.FromSeconds(60));

        Assert.True(TestHub.Sms(final, "sent") > 0, $"something was sent: {final}");
        Assert.Equal(TestHub.Sms(final, "sent"), TestHub.Sms(final, "unconfirmed"));
        Assert.Equal(0, TestHub.Sms(final, "delivered"));
    }
}
