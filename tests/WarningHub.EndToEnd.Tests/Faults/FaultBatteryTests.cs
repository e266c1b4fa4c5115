using System.Text.Json;
using WarningHub.FaultBattery;
using Xunit.Abstractions;
using Battery = WarningHub.FaultBattery.FaultBattery;

namespace WarningHub.EndToEnd.Tests.Faults;

/// <summary>
/// Issue 9's fault battery on the whole hub: the npm `smpp` SMSC (behind the fault proxy where the fault is on the
/// link), a live red warning to every phone of a generated county, counted per phone at the SMSC. Each fault must lose
/// nothing, leave no fragment without a whole message and no repeat without the "possibly duplicated" flag, and flag
/// at most 1.2 × the phones really affected; a clean stop flags nothing. `warninghub-bench chaos` runs the same on
/// 20,000 persons.
/// </summary>
public sealed class FaultBatteryTests(ITestOutputHelper output)
{
    public static TheoryData<string> Faults => [.. Fault.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Fault_LosesNothing_FragmentsNothing_AndFlagsExactlyTheRepeats(string name)
    {
        var fault = Fault.All.Single(f => f.Name == name);
        var options = new BatteryOptions { Persons = 1500, PerFaultLimit = TimeSpan.FromMinutes(3), Log = output.WriteLine };

        var result = await Battery.RunAsync(fault, options);

        output.WriteLine(JsonSerializer.Serialize(result));
        Assert.True(result.Phones > 1000, $"only {result.Phones} phones were planned");
        Assert.True(result.Passed, string.Join("; ", result.Problems));
    }
}
