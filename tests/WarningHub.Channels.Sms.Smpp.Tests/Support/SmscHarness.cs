using System.Threading.Channels;
using WarningHub.Abstractions;
using WarningHub.Simulators.Smsc;

namespace WarningHub.Channels.Sms.Smpp.Tests.Support;

/// <summary>A simulated SMSC and a gateway bound to it, torn down together.</summary>
internal sealed class SmscHarness : IAsyncDisposable
{
    private SmscHarness(SmscSimulator smsc, SmppGateway gateway, SmppOptions options)
    {
        Smsc = smsc;
        Gateway = gateway;
        Options = options;
    }

    public SmscSimulator Smsc { get; }

    public SmppGateway Gateway { get; }

    public SmppOptions Options { get; }

    public static async Task<SmscHarness> StartAsync(Action<SmscSimulatorOptions>? smsc = null, Action<SmppOptions>? gateway = null)
    {
        var simulatorOptions = new SmscSimulatorOptions();
        smsc?.Invoke(simulatorOptions);
        var simulator = new SmscSimulator(simulatorOptions);
        simulator.Start();

        var options = new SmppOptions
        {
            Host = "127.0.0.1",
            Port = simulator.Port,
            SystemId = simulatorOptions.SystemId,
            Password = simulatorOptions.Password,
            SourceAddress = "12379",
            ResponseTimeout = TimeSpan.FromSeconds(5),
            ReconnectMin = TimeSpan.FromMilliseconds(50),
            ReconnectMax = TimeSpan.FromMilliseconds(400),
            ThrottlePause = TimeSpan.FromMilliseconds(50),
        };
        gateway?.Invoke(options);
        var validation = new SmppOptionsValidator().Validate("test", options);
        Assert.True(validation.Succeeded, validation.FailureMessage);

        var adapter = new SmppGateway("test", options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await adapter.StartAsync(timeout.Token);
        return new SmscHarness(simulator, adapter, options);
    }

    public ValueTask<DeliveryResult> SendAsync(string text, string address = "13800138000", long reference = 1) =>
        Gateway.SendAsync(new TextMessage(reference, address, text), CancellationToken.None);

    /// <summary>Reads exactly <paramref name="count"/> receipts, or fails after the timeout.</summary>
    public async Task<List<Receipt>> ReceiptsAsync(int count, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        var receipts = new List<Receipt>();
        try
        {
            while (receipts.Count < count)
            {
                receipts.Add(await Gateway.Receipts.ReadAsync(cancel.Token));
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Only {receipts.Count} of {count} receipts arrived.");
        }
        catch (ChannelClosedException)
        {
            Assert.Fail($"The receipt channel closed after {receipts.Count} of {count} receipts.");
        }

        return receipts;
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Smsc.DisposeAsync();
    }
}
