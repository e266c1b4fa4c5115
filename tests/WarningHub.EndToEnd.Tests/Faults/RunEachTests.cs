using WarningHub.FaultBattery;
using Battery = WarningHub.FaultBattery.FaultBattery;

namespace WarningHub.EndToEnd.Tests.Faults;

/// <summary>
/// `bench chaos` ran its faults in turn and returned at the first exception, so the counts of the faults that had
/// finished were never printed. The battery's loop now records a throwing fault as not finished and goes on.
/// </summary>
public sealed class RunEachTests
{
    private static FaultResult Passed(Fault fault) => FaultResult.DidNotFinish(fault.Name, new InvalidOperationException("unused"), 1) with { Problems = [], Phones = 10 };

    [Fact]
    public async Task RunEach_WhenOneFaultThrows_RecordsItsExceptionAsItsProblem_AndRunsTheFaultsAfterIt()
    {
        Fault[] faults = [Fault.LinkDrops, Fault.Throttled, Fault.ReceiptsLost];
        var ran = new List<string>();

        var results = await Battery.RunEachAsync(faults, fault =>
        {
            ran.Add(fault.Name);
            return fault == Fault.Throttled ? throw new TimeoutException("not every slot was final after 00:10:00") : Task.FromResult(Passed(fault));
        });

        Assert.Equal(faults.Select(f => f.Name), ran);
        Assert.Equal(faults.Select(f => f.Name), results.Select(r => r.Fault));
        Assert.True(results[0].Passed);
        Assert.True(results[2].Passed);
        var failed = Assert.Single(results[1].Problems);
        Assert.Contains("TimeoutException", failed, StringComparison.Ordinal);
        Assert.Contains("not every slot was final", failed, StringComparison.Ordinal);
        Assert.False(results.All(r => r.Passed), "a fault that did not finish must fail the run (non-zero exit)");
    }

    [Fact]
    public async Task RunEach_WhenAFaultThrowsAsynchronously_StillRecordsIt()
    {
        var results = await Battery.RunEachAsync([Fault.LinkDrops, Fault.Throttled], async fault =>
        {
            await Task.Yield();
            return fault == Fault.LinkDrops ? throw new IOException("the SMSC's pipe closed") : Passed(fault);
        });

        Assert.Contains("the SMSC's pipe closed", Assert.Single(results[0].Problems), StringComparison.Ordinal);
        Assert.True(results[1].Passed);
    }
}
