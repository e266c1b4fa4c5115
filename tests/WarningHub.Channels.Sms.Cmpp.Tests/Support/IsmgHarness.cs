using WarningHub.Simulators.Cmpp;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Support;

/// <summary>A simulated ISMG and a gateway connected to it, torn down together.</summary>
internal sealed class IsmgHarness : IAsyncDisposable
{
    private IsmgHarness(IsmgSimulator ismg, CmppGateway gateway, CmppOptions options)
    {
        Ismg = ismg;
        Gateway = gateway;
        Options = options;
    }

    public IsmgSimulator Ismg { get; }

    public CmppGateway Gateway { get; }

    public CmppOptions Options { get; }

    public static async Task<IsmgHarness> StartAsync(
        Action<IsmgSimulatorOptions>? ismg = null, Action<CmppOptions>? gateway = null, TimeProvider? time = null, bool start = true)
    {
        var simulatorOptions = new IsmgSimulatorOptions { RecordSubmits = true };
        ismg?.Invoke(simulatorOptions);
        var simulator = new IsmgSimulator(simulatorOptions, time);
        simulator.Start();

        var options = new CmppOptions
        {
            Host = "127.0.0.1",
            Port = simulator.Port,
            SourceAddr = simulatorOptions.SourceAddr,
            SharedSecret = simulatorOptions.SharedSecret,
            ServiceId = "WARN",
            SrcId = "10657001",
            ReconnectMin = TimeSpan.FromMilliseconds(50),
            ReconnectMax = TimeSpan.FromMilliseconds(400),
            ThrottlePause = TimeSpan.FromMilliseconds(20),
        };
        gateway?.Invoke(options);
        var validation = new CmppOptionsValidator().Validate("test", options);
        Assert.True(validation.Succeeded, validation.FailureMessage);

        var adapter = new CmppGateway("test", options, time);
        if (start)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await adapter.StartAsync(timeout.Token);
        }

        return new IsmgHarness(simulator, adapter, options);
    }

    /// <summary>
    /// Stops the gateway on a real-time budget first: under a fake clock its own stop budget would never run out, so a
    /// test that failed with a SUBMIT still outstanding would hang here instead of reporting its failure.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await Gateway.StopAsync(stop.Token);
        }

        await Gateway.DisposeAsync();
        await Ismg.DisposeAsync();
    }
}
