using WarningHub.Abstractions;
using WarningHub.Core.Warnings;

namespace WarningHub.Engine.Tests.Time;

/// <summary>Guarantee 4: nothing is sent after a warning expires, also in the middle of its fan-out.</summary>
public sealed class ExpiryTests
{
    [Fact]
    public async Task Expiry_MidFanOut_EndsEveryPendingSlotAsExpired_AndNothingIsWrittenAtOrAfterIt()
    {
        await using var engine = await FakeTimeEngine.StartAsync(persons: 600);
        engine.Gateway.PassFirst = 100; // the gateway takes 100 messages, then the rest of the fan-out waits on it
        var alert = engine.Alert(expiresIn: TimeSpan.FromMinutes(30));
        var expires = alert.Infos[0].Expires!.Value;

        var warning = await engine.SubmitAsync(alert);
        await engine.Gateway.HeldAfterPassedAsync();
        await engine.WaitForTriggerAsync(warning.Id, "expire");
        engine.AdvanceTo(expires);

        await engine.WaitForStateAsync(warning.Id, WarningState.Expired);
        var counts = await WaitForAllFinalAsync(engine, warning.Id);
        Assert.Equal(100, engine.Gateway.Sent.Count);
        Assert.Equal(100, counts[DeliveryStatus.Sent]);
        Assert.Equal(counts.Total - 100, counts[DeliveryStatus.Expired]);
        Assert.True(counts.Total > 400, $"a fan-out of {counts.Total} slots");
        Assert.True(engine.Gateway.GaveUp > 0, "the sends waiting on the gateway gave up at expiry");
        Assert.All(engine.Gateway.Sent, s => Assert.True(s.At < expires, $"written at {s.At:O}, expiry {expires:O}"));
        Assert.True(await Eventually.TrueAsync(async () => !await engine.HasTriggerAsync(warning.Id, "repeat")), "the repeat trigger outlived the warning");
    }

    [Fact]
    public async Task Expiry_ReachedWhileNothingIsInFlight_IsQuartzsToApply_NotTheNextSendsToNotice()
    {
        await using var engine = await FakeTimeEngine.StartAsync();
        var alert = engine.Alert(expiresIn: TimeSpan.FromHours(1));
        var warning = await engine.SubmitAsync(alert);
        await engine.WaitForHandedOverAsync(warning.Id);
        await engine.WaitForTriggerAsync(warning.Id, "expire");
        Assert.Equal(WarningState.Released, (await engine.WarningAsync(warning.Id)).State);

        engine.AdvanceTo(alert.Infos[0].Expires!.Value);

        await engine.WaitForStateAsync(warning.Id, WarningState.Expired);
        Assert.Equal(alert.Infos[0].Expires!.Value, (await engine.WarningAsync(warning.Id)).EndedAt);
    }

    internal static async Task<Core.Ledger.SlotCounts> WaitForAllFinalAsync(FakeTimeEngine engine, long warningId)
    {
        Core.Ledger.SlotCounts counts = default!;
        var done = await Eventually.TrueAsync(async () =>
        {
            counts = await engine.CountsAsync(warningId);
            return counts.Total > 0 && counts.Final + counts[DeliveryStatus.Sent] == counts.Total && counts[DeliveryStatus.Sending] == 0;
        }, TimeSpan.FromSeconds(30));
        Assert.True(done, $"slots of warning {warningId} still open: {string.Join(", ", counts.ByState)}");
        return counts;
    }
}
