using System.Text.Json;
using WarningHub.FaultBattery;
using WarningHub.FaultBattery.Carriers;
using Xunit.Abstractions;

namespace WarningHub.EndToEnd.Tests.Faults;

/// <summary>
/// Issue 12's failover between operators' gateways on the whole hub: CMPP for China Mobile numbers first, SGIP as the
/// backup for every number. The ISMG dies mid release and stays dead for 60 s: its numbers continue through SGIP
/// within 10 s of /health naming the dead gateway, every slot final, repeats only where flagged, no rate exceeded; once
/// the ISMG is back, the next warning's China Mobile numbers go through CMPP again.
/// </summary>
public sealed class CarrierFailoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheCmppGatewayDeadFor60s_HandsItsNumbersToSgip_AndTakesThemBackWhenItReturns()
    {
        var options = new BatteryOptions
        {
            Persons = 300,
            PartsPerSecond = 300,
            ReceiptWindow = TimeSpan.FromSeconds(5),
            PerFaultLimit = TimeSpan.FromMinutes(2),
            Log = output.WriteLine,
        };

        var result = await CarrierFailover.RunAsync(options, deadFor: TimeSpan.FromSeconds(60));

        output.WriteLine(JsonSerializer.Serialize(result));
        output.WriteLine($"failover: /health named the dead CMPP gateway {result.SeenSeconds} s after its ISMG stopped; the first China Mobile number "
            + $"was whole at the SGIP backup {result.FailoverSeconds} s after the stop ({result.FailoverAfterSeenSeconds} s after the failure was seen)");
        Assert.True(result.Passed, string.Join("; ", result.Problems));
        Assert.True(result.MobileAtBackup > 0);
        Assert.True(result.DuringDeath.Phones > 200);
    }
}
