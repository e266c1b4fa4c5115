using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Tests.Support;

namespace WarningHub.Channels.Sms.Smpp.Tests.Gateway;

/// <summary>
/// Causes found by issue 9's fault battery: after `kill -9` slots waiting for a window place had been flagged
/// "possibly duplicated" although nothing of them had left (192 flagged for 80 phones affected); after a clean stop
/// mid fan-out, messages cut between their parts were sent whole again by the restarted hub, unflagged.
/// </summary>
public class SmppGatewayWriteOrderTests
{
    private const string LongText = "井研县气象台发布暴雨红色预警信号：过去3小时我县东林镇、集益镇等地降雨量已达100毫米以上，预计未来3小时仍将持续，请注意防范山洪、滑坡、泥石流等地质灾害，远离河道、沟渠和危险边坡。";

    [Fact]
    public async Task BeforeWrite_OfAMessageWaitingForAWindowPlace_IsNotCalledUntilItsSubmitCanLeave()
    {
        await using var harness = await SmscHarness.StartAsync(smsc: o => o.Latency = TimeSpan.FromMilliseconds(400), gateway: o => (o.Binds, o.Window) = (1, 1));
        var marks = new List<long>();
        TextMessage Marked(long slot) => new(slot, "1380013800" + slot, "预警 " + slot)
        {
            BeforeWrite = _ =>
            {
                lock (marks) marks.Add(slot);
                return ValueTask.CompletedTask;
            },
        };

        var first = harness.Gateway.SendAsync(Marked(1), CancellationToken.None).AsTask();
        Assert.True(await Eventually.TrueAsync(() => harness.Smsc.Submits == 1), "the first submit never reached the SMSC");
        var second = harness.Gateway.SendAsync(Marked(2), CancellationToken.None).AsTask();
        // The second waits for the only window place, which the first holds until its answer comes 400 ms later.
        var marksWhileWaiting = marks.ToList();
        var results = await Task.WhenAll(first, second);

        Assert.Equal([1L], marksWhileWaiting);
        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        Assert.Equal([1L, 2L], marks);
    }

    [Fact]
    public async Task Stop_WhileAMessageIsBetweenItsParts_FinishesItBeforeUnbinding()
    {
        await using var harness = await SmscHarness.StartAsync(smsc: o => (o.Latency, o.RecordMessages) = (TimeSpan.FromMilliseconds(300), true),
            gateway: o => (o.Binds, o.Window) = (1, 1));

        var sending = harness.Gateway.SendAsync(new TextMessage(5, "13800138005", LongText), CancellationToken.None).AsTask();
        Assert.True(await Eventually.TrueAsync(() => harness.Smsc.Submits == 1), "the first part never reached the SMSC");
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            await harness.Gateway.StopAsync(timeout.Token);
        }
        var result = await sending;

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.True(result.ProviderMessageIds.Count >= 2, $"{result.ProviderMessageIds.Count} parts");
        Assert.Equal(result.ProviderMessageIds.Count, harness.Smsc.Submits);
        Assert.Single(harness.Smsc.ReceivedMessages);
    }
}
