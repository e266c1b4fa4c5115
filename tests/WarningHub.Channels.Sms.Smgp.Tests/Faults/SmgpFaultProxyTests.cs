using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smgp.Tests.Support;
using WarningHub.Testing.Faults;

namespace WarningHub.Channels.Sms.Smgp.Tests.Faults;

/// <summary>Guarantees 2 and 3 through the fault proxy: a link cut mid-submit leaves every send final, and a re-send only where flagged.</summary>
public class SmgpFaultProxyTests
{
    [Fact]
    public async Task ALinkCutMidSubmit_EndsEverySend_AndOnlySendsMarkedUnknownReachTheSmgTwice()
    {
        FaultProxy? proxy = null;
        await using var harness = await SmgwHarness.StartAsync(
            smgw: o => o.SendReports = false,
            gateway: g => (g.Binds, g.Window, g.ResponseTimeout, g.MaxResends, g.RateLimitPerSecond) = (2, 8, TimeSpan.FromSeconds(2), 0, 400),
            port: smgwPort => (proxy = FaultProxy.Start(smgwPort, responseDelay: TimeSpan.FromMilliseconds(20))).Port);
        await using var _ = proxy!;
        const int messages = 120;
        var phones = Enumerable.Range(0, messages).Select(i => "1330000" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        // Round 1: all at once; the proxy cuts both links once the SMGW has taken part of them.
        var sends = phones.Select((phone, i) => harness.Gateway.SendAsync(new TextMessage(i, phone, "山洪预警：请立即转移。"), CancellationToken.None).AsTask()).ToArray();
        Assert.True(await Eventually.TrueAsync(() => harness.Smgw.Submits >= messages / 3), "the SMGW never took a third of the messages");
        proxy!.DropAll();
        try
        {
            await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{sends.Count(t => !t.IsCompleted)} of {messages} sends never ended (live binds {harness.Gateway.LiveBinds}, SMGW took {harness.Smgw.Submits}).");
        }

        var first = sends.Select(t => t.Result).ToArray();

        // Every send came back with an outcome the engine can act on; none hangs, none is lost.
        Assert.All(first, r => Assert.True(r.Outcome is SendOutcome.Accepted or SendOutcome.Unknown or SendOutcome.GatewayUnavailable, $"{r.Outcome}: {r.Reason}"));
        Assert.Contains(first, r => r.Outcome != SendOutcome.Accepted); // the cut did hit messages in flight

        // Round 2: the engine sends again what was not accepted; Unknown ones go out flagged possibly duplicated.
        Assert.True(await Eventually.TrueAsync(() => harness.Gateway.LiveBinds == 2));
        var flagged = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < messages; i++)
        {
            if (first[i].Outcome == SendOutcome.Accepted)
            {
                continue;
            }

            if (first[i].Outcome == SendOutcome.Unknown)
            {
                flagged.Add(phones[i]);
            }

            var again = await harness.Gateway.SendAsync(new TextMessage(i, phones[i], "山洪预警：请立即转移。"), CancellationToken.None);
            Assert.Equal(SendOutcome.Accepted, again.Outcome);
        }

        var received = harness.Smgw.RecordedSubmits.GroupBy(s => s.Destination).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(messages, received.Count); // every message reached the SMGW at least once
        var twice = received.Where(r => r.Value > 1).Select(r => r.Key).ToList();
        Assert.All(twice, number => Assert.Contains(number, flagged)); // a duplicate only where the first send said Unknown
    }
}
