using System.Text.Json;
using WarningHub.FaultBattery;
using WarningHub.FaultBattery.Carriers;
using Xunit.Abstractions;

namespace WarningHub.EndToEnd.Tests.Faults;

/// <summary>
/// Issue 12's fault battery for the operators' own gateways: CMPP, SGIP and SMGP each against the project's simulator
/// of the operator's gateway (behind the fault proxy where the fault is on the link), a live red warning of three parts
/// to a small generated county. Each fault must end every slot, give every phone one whole message, repeat only where
/// flagged "possibly duplicated", and keep the gateway within its contracted rate as the simulator saw the submits arrive.
/// HTTP gateways run the same rules against the cloud SMS simulator's faults (timeouts, 5xx, slow bodies, resets).
/// </summary>
public sealed class CarrierFaultBatteryTests(ITestOutputHelper output)
{
    public static TheoryData<CarrierKind, string> Runs
    {
        get
        {
            var runs = new TheoryData<CarrierKind, string>();
            foreach (var kind in Enum.GetValues<CarrierKind>())
            {
                foreach (var fault in CarrierFault.All) runs.Add(kind, fault.Name);
            }

            return runs;
        }
    }

    public static TheoryData<CarrierKind> Kinds => [.. Enum.GetValues<CarrierKind>()];

    private BatteryOptions Options => new()
    {
        Persons = 300,
        PartsPerSecond = 300,
        ReceiptWindow = TimeSpan.FromSeconds(5),
        PerFaultLimit = TimeSpan.FromMinutes(2),
        Log = output.WriteLine,
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Fault_EndsEverySlot_ReachesEveryPhoneWhole_FlagsEveryRepeat_AndKeepsTheRate(CarrierKind kind, string fault)
    {
        var result = await CarrierBattery.RunAsync(kind, CarrierFault.All.Single(f => f.Name == fault), Options);

        output.WriteLine(JsonSerializer.Serialize(result));
        Assert.True(result.Phones > 200, $"only {result.Phones} phones were planned");
        Assert.True(result.Passed, string.Join("; ", result.Problems));
    }

    public static TheoryData<string> HttpFaults => [.. HttpFault.All.Select(f => f.Name)];

    /// <summary>
    /// The HTTP gateway kind: the cloud SMS simulator fails one send request in four (timeout, 500, slow body, reset).
    /// A request that got no whole answer or a 5xx may have been taken, so the rule on flags is the honest one for HTTP
    /// (see <see cref="HttpGatewayBattery"/>): only numbers of a request a fault struck are flagged, and every repeat is.
    /// </summary>
    [Theory]
    [MemberData(nameof(HttpFaults))]
    public async Task HttpFault_EndsEverySlot_ReachesEveryPhone_FlagsEveryRepeatAndOnlyWhatAFaultStruck_AndKeepsTheRate(string fault)
    {
        var result = await HttpGatewayBattery.RunAsync(HttpFault.All.Single(f => f.Name == fault), Options);

        output.WriteLine(JsonSerializer.Serialize(result));
        Assert.True(result.Phones > 200, $"only {result.Phones} phones were planned");
        Assert.True(result.Passed, string.Join("; ", result.Problems));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task WrongPassword_HealthNamesTheGatewayAndTheCredentialsToCheck_AndTheWarningWaits(CarrierKind kind)
    {
        var result = await CarrierBattery.WrongPasswordAsync(kind, Options);

        output.WriteLine(JsonSerializer.Serialize(result));
        Assert.NotNull(result.Problem);
        Assert.Contains($"gateway {CarrierBattery.Gateway}", result.Problem, StringComparison.Ordinal);
        Assert.Contains("check", result.Problem, StringComparison.Ordinal);
        Assert.Contains(kind == CarrierKind.Sgip ? "LoginPassword" : "SharedSecret", result.Problem, StringComparison.Ordinal);
        Assert.True(result.RefusedLogins > 0);
        Assert.Equal(0, result.Submits);
        Assert.True(result.Pending > 0, "the warning's SMS slots wait for the gateway instead of failing");
    }
}
