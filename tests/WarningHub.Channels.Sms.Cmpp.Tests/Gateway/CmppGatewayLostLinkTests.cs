using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Cmpp.Tests.Support;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Gateway;

/// <summary>Guarantees 3 and 10: a message cut by a lost link is Unknown, and its resend reassembles on the handset.</summary>
public class CmppGatewayLostLinkTests
{
    [Fact]
    public async Task ALinkLostAfterTheFirstPart_IsUnknown_AndTheResendOfTheSlotReusesItsReferenceAndPartNumbers()
    {
        await using var harness = await IsmgHarness.StartAsync(ismg: o => (o.DropAfterAccepted, o.SendReports) = (1, false));
        var message = new TextMessage(0x5150, "13800138000", string.Concat(Enumerable.Repeat("地质灾害预警：立即撤离。", 10)));

        var first = await harness.Gateway.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Unknown, first.Outcome);
        Assert.Contains("Parts 1-1 of 2 were accepted", first.Reason, StringComparison.Ordinal);

        harness.Ismg.Options.DropAfterAccepted = 0;
        Assert.True(await Eventually.TrueAsync(() => harness.Gateway.LiveBinds == 1));
        var again = await harness.Gateway.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, again.Outcome);
        var submits = harness.Ismg.RecordedSubmits;
        Assert.Equal(4, submits.Count); // part 1 accepted, part 2 lost with the link, then parts 1 and 2 again
        Assert.Equal(submits[0].Content[..6], submits[2].Content[..6]);
        Assert.Equal(submits[1].Content[..6], submits[3].Content[..6]);
        Assert.Equal((2, 1), (submits[2].PkTotal, submits[2].PkNumber));
    }
}
