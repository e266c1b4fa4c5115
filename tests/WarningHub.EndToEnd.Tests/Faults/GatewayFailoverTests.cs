using System.Text.Json;
using WarningHub.FaultBattery;
using Xunit.Abstractions;

namespace WarningHub.EndToEnd.Tests.Faults;

/// <summary>
/// Issue 12's routing by operator and failover on the whole hub against two npm `smpp` SMSCs: China Mobile numbers
/// through one gateway, the rest through the other; when the first SMSC's process dies mid fan-out its numbers continue
/// through the other, every slot ends final, nothing is lost, and every phone that got it twice is flagged.
/// </summary>
public sealed class GatewayFailoverTests(ITestOutputHelper output)
{
    private static BatteryOptions Options(ITestOutputHelper output) =>
        new() { Persons = 1500, PartsPerSecond = 300, PerFaultLimit = TimeSpan.FromMinutes(3), Log = output.WriteLine };

    [Fact]
    public async Task TwoGateways_EachOperatorsNumbersGoThroughItsGateway_AndStatusCountsPerGateway()
    {
        var result = await GatewayFailover.RunAsync(Options(output), killPrimary: false);

        output.WriteLine(JsonSerializer.Serialize(result));
        Assert.True(result.Passed, string.Join("; ", result.Problems));
        Assert.Equal(0, result.Counts.Flagged);
        Assert.Contains("smpp:node", result.GatewaysInStatus, StringComparison.Ordinal);
        Assert.Contains("smpp:backup", result.GatewaysInStatus, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePrimarysSmscDiesMidFanOut_ItsNumbersContinueThroughTheBackup_NothingLost_RepeatsFlagged()
    {
        var result = await GatewayFailover.RunAsync(Options(output), killPrimary: true);

        output.WriteLine(JsonSerializer.Serialize(result));
        output.WriteLine($"failover: {result.FailoverSeconds} s from the kill to the first China Mobile number whole at the backup");
        Assert.True(result.Passed, string.Join("; ", result.Problems));
        Assert.True(result.MobileAtBackup > 0);
    }
}
