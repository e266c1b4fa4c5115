using WarningHub.Simulators.Smgp;

namespace WarningHub.Channels.Sms.Smgp.Tests.Support;

/// <summary>A simulated SMGW and a gateway connected to it, torn down together.</summary>
internal sealed class SmgwHarness : IAsyncDisposable
{
    private SmgwHarness(SmgwSimulator smgw, SmgpGateway gateway)
    {
        Smgw = smgw;
        Gateway = gateway;
    }

    public SmgwSimulator Smgw { get; }

    public SmgpGateway Gateway { get; }

    /// <param name="smgw">Changes to the simulator's options.</param>
    /// <param name="gateway">Changes to the gateway's options.</param>
    /// <param name="port">The port the gateway connects to instead of the simulator's (a fault proxy in front of it).</param>
    public static async Task<SmgwHarness> StartAsync(Action<SmgwSimulatorOptions>? smgw = null, Action<SmgpOptions>? gateway = null, Func<int, int>? port = null)
    {
        var simulatorOptions = new SmgwSimulatorOptions { RecordSubmits = true };
        smgw?.Invoke(simulatorOptions);
        var simulator = new SmgwSimulator(simulatorOptions);
        simulator.Start();

        var options = new SmgpOptions
        {
            Host = "127.0.0.1",
            Port = port?.Invoke(simulator.Port) ?? simulator.Port,
            ClientId = simulatorOptions.ClientId,
            SharedSecret = simulatorOptions.SharedSecret,
            SpId = "591001",
            SrcTermId = "10620001",
            ServiceId = "WARN",
            ReconnectMin = TimeSpan.FromMilliseconds(50),
            ReconnectMax = TimeSpan.FromMilliseconds(400),
            ThrottlePause = TimeSpan.FromMilliseconds(20),
        };
        gateway?.Invoke(options);
        var validation = new SmgpOptionsValidator().Validate("test", options);
        Assert.True(validation.Succeeded, validation.FailureMessage);

        var adapter = new SmgpGateway("test", options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await adapter.StartAsync(timeout.Token);
        return new SmgwHarness(simulator, adapter);
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await Gateway.StopAsync(stop.Token);
        }

        await Gateway.DisposeAsync();
        await Smgw.DisposeAsync();
    }
}
