using WarningHub.Abstractions;
using WarningHub.Core.Cap;
using WarningHub.Core.Warnings;

namespace WarningHub.Engine.Tests.Time;

/// <summary>Guarantee 4: a cancel stops pending sends within 5 s.</summary>
public sealed class CancelTests
{
    private const string AllClear = "【解除】";

    [Fact]
    public async Task Cancel_MidFanOut_StopsSendingWithoutAnyTimePassing_AndCancelsEveryPendingSlot()
    {
        await using var engine = await FakeTimeEngine.StartAsync(persons: 600);
        engine.Gateway.PassFirst = 120;
        var alert = engine.Alert();
        var warning = await engine.SubmitAsync(alert);
        await engine.Gateway.HeldAfterPassedAsync();
        var cancelledAt = engine.Time.GetUtcNow();

        var cancel = await engine.SubmitAsync(CancelOf(alert));

        await engine.WaitForStateAsync(warning.Id, WarningState.Cancelled);
        // The cancel is released itself: its all-clear (解除) goes to those already warned.
        await engine.WaitForStateAsync(cancel.Id, WarningState.Released);
        var counts = await ExpiryTests.WaitForAllFinalAsync(engine, warning.Id);
        Assert.Equal(cancelledAt, engine.Time.GetUtcNow()); // no time had to pass
        Assert.Equal(120, engine.Gateway.Sent.Count(s => !s.Text.Contains(AllClear, StringComparison.Ordinal)));
        Assert.Equal(120, counts[DeliveryStatus.Sent]);
        Assert.Equal(counts.Total - 120, counts[DeliveryStatus.Cancelled]);
        Assert.True(engine.Gateway.GaveUp > 0, "the sends waiting on the gateway gave up at the cancel");
    }

    [Fact]
    public async Task Cancel_WhoseNoticeIsLost_IsAppliedByTheOutboxSweepWithinFiveSeconds()
    {
        // Another hub on the same store accepted the cancel, so this one was never notified; only its sweep finds it.
        await using var engine = await FakeTimeEngine.StartAsync(o => o.ReleaseSweepInterval = TimeSpan.FromSeconds(5), persons: 600);
        engine.Gateway.PassFirst = 50;
        var alert = engine.Alert();
        var warning = await engine.SubmitAsync(alert);
        await engine.Gateway.HeldAfterPassedAsync();
        await engine.WaitForStateAsync(warning.Id, WarningState.Released);
        var cancelAlert = CancelOf(alert);
        var accepted = await engine.Warnings.AcceptAsync(new WarningRecord
        {
            PublicId = "",
            Sender = cancelAlert.Sender,
            Identifier = cancelAlert.Identifier,
            Fingerprint = cancelAlert.ComputeFingerprint(),
            CapStatus = CapStatus.Actual,
            MsgType = CapMsgType.Cancel,
            Event = "暴雨",
            Level = null,
            Headline = "",
            Sent = cancelAlert.Sent,
            Effective = cancelAlert.Sent,
            ReceivedAt = engine.Time.GetUtcNow(),
            SubmittedBy = "another-hub",
            CapXml = CapXmlWriter.ToXml(cancelAlert),
            References = [warning.PublicId],
            State = WarningState.Accepted,
        }, default);
        Assert.Equal(WarningState.Accepted, accepted.Warning.State);

        engine.Time.Advance(TimeSpan.FromSeconds(5));

        await engine.WaitForStateAsync(warning.Id, WarningState.Cancelled);
        await engine.WaitForStateAsync(accepted.Warning.Id, WarningState.Released);
        var counts = await ExpiryTests.WaitForAllFinalAsync(engine, warning.Id);
        Assert.Equal(50, counts[DeliveryStatus.Sent]);
        Assert.Equal(counts.Total - 50, counts[DeliveryStatus.Cancelled]);
    }

    private static CapAlert CancelOf(CapAlert earlier) => earlier with
    {
        Identifier = earlier.Identifier + "-cancel",
        MsgType = CapMsgType.Cancel,
        Sent = earlier.Sent.AddSeconds(1),
        References = [new CapReference(earlier.Sender, earlier.Identifier, earlier.Sent)],
        Infos = [],
    };
}
