namespace WarningHub.EndToEnd.Tests;

/// <summary>
/// Regression: Hangfire's storage was the static JobStorage.Current, so with two hubs in one process the shard jobs
/// of one ran in the other (against the wrong ledger) and its warning never went out.
/// </summary>
public sealed class TwoHubsTests
{
    [Fact]
    public async Task TwoHubsInOneProcess_EachSendsItsOwnWarning()
    {
        await using var a = await TestHub.StartAsync(persons: 800);
        await using var b = await TestHub.StartAsync(persons: 600);

        var idA = await a.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var idB = await b.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var finalA = await a.WaitAllFinalAsync(idA, TimeSpan.FromSeconds(30));
        var finalB = await b.WaitAllFinalAsync(idB, TimeSpan.FromSeconds(30));

        Assert.Equal(TestHub.Sms(finalA, "planned"), a.Smsc.ReceivedMessages.Count);
        Assert.Equal(TestHub.Sms(finalB, "planned"), b.Smsc.ReceivedMessages.Count);
        Assert.Equal(TestHub.Sms(finalA, "planned"), TestHub.Sms(finalA, "delivered"));
        Assert.Equal(TestHub.Sms(finalB, "planned"), TestHub.Sms(finalB, "delivered"));
        // Structural: the hubs never set the process-wide storage, so no interleaving of start-ups can mix them.
        Assert.Throws<InvalidOperationException>(() => Hangfire.JobStorage.Current);
    }
}
