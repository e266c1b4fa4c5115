using Microsoft.Extensions.DependencyInjection;
using WarningHub.Abstractions;
using WarningHub.Engine.Receipts;

namespace WarningHub.Engine.Tests.Time;

/// <summary>A sent message waits <see cref="EngineOptions.ReceiptWindow"/> for its receipt, then counts as Unconfirmed.</summary>
public sealed class ReceiptWindowTests
{
    [Fact]
    public async Task ReceiptWindow_ClosesOnQuartzsClock_SentSlotsWithoutReceiptBecomeUnconfirmed_DeliveredStay()
    {
        var window = TimeSpan.FromMinutes(30);
        await using var engine = await FakeTimeEngine.StartAsync(o =>
        {
            o.ReceiptWindow = window;
            o.ReceiptSweepInterval = TimeSpan.FromSeconds(30);
        });
        var start = engine.Time.GetUtcNow();
        var warning = await engine.SubmitAsync(engine.Alert());
        var sent = await engine.WaitForHandedOverAsync(warning.Id);
        var half = engine.Gateway.Sent.Where((_, i) => i % 2 == 0).ToList();
        foreach (var s in half) engine.Gateway.Deliver(s);
        Assert.True(await Eventually.TrueAsync(async () => (await engine.CountsAsync(warning.Id))[DeliveryStatus.Delivered] == half.Count),
            "the receipts did not reach the ledger");

        // A minute before the window closes, a sweep leaves every wait open.
        engine.AdvanceTo(start + window - TimeSpan.FromMinutes(1));
        await SweepNowAsync(engine);
        var before = await engine.CountsAsync(warning.Id);
        Assert.Equal(0, before[DeliveryStatus.Unconfirmed]);
        Assert.Equal(sent.Total - half.Count, before[DeliveryStatus.Sent]);

        // Once it has closed, Quartz's next run of the receipt sweep settles them.
        engine.AdvanceTo(start + window + TimeSpan.FromSeconds(30));
        Assert.True(await Eventually.TrueAsync(async () => (await engine.CountsAsync(warning.Id))[DeliveryStatus.Unconfirmed] == sent.Total - half.Count),
            "the receipt window did not close");
        var after = await engine.CountsAsync(warning.Id);
        Assert.Equal(half.Count, after[DeliveryStatus.Delivered]);
        Assert.Equal(0, after[DeliveryStatus.Sent]);
    }

    /// <summary>The receipt sweep, run here at the current fake time (what Quartz runs every sweep interval).</summary>
    private static async Task SweepNowAsync(FakeTimeEngine engine)
    {
        using var scope = engine.Host.Services.CreateScope();
        var job = ActivatorUtilities.CreateInstance<ReceiptWindowJob>(scope.ServiceProvider);
        await job.Execute(null!, default);
    }
}
