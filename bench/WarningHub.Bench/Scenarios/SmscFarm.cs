using WarningHub.Simulators.Smsc;

namespace WarningHub.Bench.Scenarios;

/// <summary>One SMSC simulator per gateway, counted together: the first submit of any, the parts and receipts of all.</summary>
internal sealed class SmscFarm : IAsyncDisposable
{
    private readonly List<SmscSimulator> _simulators;

    public SmscFarm(int count)
    {
        _simulators = [.. Enumerable.Range(0, count).Select(_ => new SmscSimulator(new SmscSimulatorOptions { SendReceipts = true }))];
        foreach (var simulator in _simulators) simulator.Start();
    }

    public IReadOnlyList<int> Ports => [.. _simulators.Select(s => s.Port)];

    /// <summary>The earliest first submit_sm of any simulator (they share the system clock's timestamps).</summary>
    public long? FirstSubmitTimestamp => _simulators.Select(s => s.FirstSubmitTimestamp).Where(t => t is not null).Min();

    public long Submits => _simulators.Sum(s => s.Submits);

    public long PartsAccepted => _simulators.Sum(s => s.PartsAccepted);

    public long ReceiptsSent => _simulators.Sum(s => s.ReceiptsSent);

    public void ResetFirstSubmit()
    {
        foreach (var simulator in _simulators) simulator.ResetFirstSubmit();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var simulator in _simulators) await simulator.DisposeAsync();
    }
}
