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

    /// <summary>
    /// Issue 9, item 1, on the whole hub with SMPP: a refused bind showed only as a repeated log line while /health
    /// said ok and the slots spent their attempts on "No SMPP bind is up". Here `serve` runs as a child process, so
    /// what the operator sees in its output is checked too.
    /// </summary>
    [Fact]
    public async Task SmppWrongPassword_HealthNamesTheGateway_SlotsWaitWithoutSpendingAttempts_AndServeSaysTheGatewayIsDown()
    {
        var result = await Battery.SmppWrongPasswordAsync(new BatteryOptions { Persons = 300, Log = output.WriteLine });

        output.WriteLine(JsonSerializer.Serialize(result));
        Assert.NotNull(result.Problem);
        Assert.Contains($"check SystemId and Password of gateway {BatteryHub.Gateway}", result.Problem, StringComparison.Ordinal);
        Assert.True(result.RefusedBinds > 0, "the SMSC never refused a bind");
        Assert.Equal(0, result.Submits);
        Assert.True(result.Slots > 0, "no SMS slot was planned");
        Assert.Equal(result.Slots, result.Waiting);
        Assert.Equal(0, result.Failed);
        Assert.Equal(0, result.AttemptsSpent);
        Assert.NotNull(result.GatewayDownLine);
        Assert.Contains($"smpp:{BatteryHub.Gateway}", result.GatewayDownLine, StringComparison.Ordinal);
        Assert.Contains("check SystemId and Password", result.GatewayDownLine, StringComparison.Ordinal);
    }
}
