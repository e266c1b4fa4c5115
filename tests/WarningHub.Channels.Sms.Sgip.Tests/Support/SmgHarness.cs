using WarningHub.Simulators.Sgip;

namespace WarningHub.Channels.Sms.Sgip.Tests.Support;

/// <summary>A simulated SMG and a gateway connected to it both ways (the SMG's reports come to the gateway's port), torn down together.</summary>
internal sealed class SmgHarness : IAsyncDisposable
{
    private SmgHarness(SmgSimulator smg, SgipGateway gateway, SgipOptions options)
    {
        Smg = smg;
        Gateway = gateway;
        Options = options;
    }

    public SmgSimulator Smg { get; }

    public SgipGateway Gateway { get; }

    public SgipOptions Options { get; }

    /// <param name="smg">Changes to the simulator's options.</param>
    /// <param name="gateway">Changes to the gateway's options.</param>
    /// <param name="port">The port the gateway connects to instead of the simulator's (a fault proxy in front of it).</param>
    public static async Task<SmgHarness> StartAsync(Action<SmgSimulatorOptions>? smg = null, Action<SgipOptions>? gateway = null, Func<int, int>? port = null)
    {
        var simulatorOptions = new SmgSimulatorOptions { RecordSubmits = true };
        smg?.Invoke(simulatorOptions);
        var simulator = new SmgSimulator(simulatorOptions);
        simulator.Start();

        var options = new SgipOptions
        {
            Host = "127.0.0.1",
            Port = port?.Invoke(simulator.Port) ?? simulator.Port,
            LoginName = simulatorOptions.LoginName,
            LoginPassword = simulatorOptions.LoginPassword,
            SpNumber = "10655001",
            CorpId = "12345",
            ServiceType = "WARN",
            ListenAddress = "127.0.0.1",
            ListenPort = 0,
            ReconnectMin = TimeSpan.FromMilliseconds(50),
            ReconnectMax = TimeSpan.FromMilliseconds(400),
            ThrottlePause = TimeSpan.FromMilliseconds(20),
        };
        gateway?.Invoke(options);
        var validation = new SgipOptionsValidator().Validate("test", options);
        Assert.True(validation.Succeeded, validation.FailureMessage);

        var adapter = new SgipGateway("test", options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await adapter.StartAsync(timeout.Token);
        simulatorOptions.SpListenPort = adapter.ListenPort;
        return new SmgHarness(simulator, adapter, options);
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await Gateway.StopAsync(stop.Token);
        }

        await Gateway.DisposeAsync();
        await Smg.DisposeAsync();
    }
}
