using Microsoft.Extensions.DependencyInjection;
using WarningHub.Abstractions;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Cap;
using WarningHub.Core.Notices;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Notices;

namespace WarningHub.Engine.Tests.Time;

/// <summary>
/// A Cancel's all-clear (解除) reaches the officers of the warning it ends: those called for 叫应 and the cadres sent a
/// door-to-door link live in the notice table, not in ledger slots, so the public follow-up alone never told them.
/// </summary>
public sealed class CancelOfficersTests
{
    private const string AllClear = "【解除】";
    private static readonly TimeSpan RedDoorDelay = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Cancel_SendsTheAllClearToEveryOfficerCalledAndEveryCadreSentALink_OnceEach_ThroughTheNoticeOutbox()
    {
        await using var engine = await FakeTimeEngine.StartAsync(officers: true);
        var notices = engine.Host.Services.GetRequiredService<INoticeStore>();
        var outbox = engine.Host.Services.GetRequiredService<NoticeOutbox>();
        var alert = engine.Alert();
        var warning = await engine.SubmitAsync(alert);
        await engine.WaitForStateAsync(warning.Id, WarningState.Released);
        engine.Time.Advance(RedDoorDelay);
        await outbox.SendDueAsync(default);
        // The outbox's own loop may hold a notice in hand while this pass ends: wait until every link has left.
        Assert.True(await Eventually.TrueAsync(async () => (await notices.OfWarningAsync(warning.Id, $"door:{warning.Id}:", default))
            .All(n => n.State == DeliveryStatus.Sent), TimeSpan.FromSeconds(20)), "the door-to-door links were sent");
        var called = await engine.Host.Services.GetRequiredService<IAcknowledgementStore>().OfWarningAsync(warning.Id, default);
        var doors = (await notices.OfWarningAsync(warning.Id, $"door:{warning.Id}:", default)).Where(n => n.Notice.Channel == "sms").ToList();
        Assert.NotEmpty(called);
        Assert.NotEmpty(doors);
        var expected = called.Select(c => c.Phone).Concat(doors.Select(d => d.Notice.Address)).ToHashSet(StringComparer.Ordinal);

        var cancel = await engine.SubmitAsync(alert with
        {
            Identifier = alert.Identifier + "-cancel",
            MsgType = CapMsgType.Cancel,
            Sent = alert.Sent.AddSeconds(1),
            References = [new CapReference(alert.Sender, alert.Identifier, alert.Sent)],
            Infos = [],
        });
        await engine.WaitForStateAsync(cancel.Id, WarningState.Released);
        await outbox.SendDueAsync(default);
        Assert.True(await Eventually.TrueAsync(async () => (await notices.OfWarningAsync(cancel.Id, $"allclear:{cancel.Id}:", default))
            .All(n => n.State == DeliveryStatus.Sent), TimeSpan.FromSeconds(20)), "the officers' all-clear notices were sent");
        var again = await engine.Host.Services.GetRequiredService<OfficerAllClear>().QueueAsync(await engine.WarningAsync(cancel.Id), default); // a resumed release

        var allClear = await notices.OfWarningAsync(cancel.Id, $"allclear:{cancel.Id}:", default);
        Assert.Equal(0, again);
        Assert.Equal(expected.Order(StringComparer.Ordinal), allClear.Select(n => n.Notice.Address).Order(StringComparer.Ordinal)); // each officer once
        Assert.All(allClear, n => Assert.Equal(DeliveryStatus.Sent, n.State));
        Assert.All(allClear, n => Assert.Contains(AllClear, n.Notice.Text, StringComparison.Ordinal));
        var told = engine.Gateway.Sent.Where(s => s.Text.Contains(AllClear, StringComparison.Ordinal)).Select(s => s.Address).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(expected, told);
    }
}
