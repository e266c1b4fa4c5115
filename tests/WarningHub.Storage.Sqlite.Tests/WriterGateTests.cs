namespace WarningHub.Storage.Sqlite.Tests;

public class WriterGateTests
{
    [Fact]
    public async Task Exit_WithOrdinaryAndUrgentWaiters_HandsTheWriterToTheUrgentOneFirst_ThenInArrivalOrder()
    {
        var gate = new WriterGate();
        await gate.EnterAsync(urgent: false, default);
        var first = gate.EnterAsync(urgent: false, default);
        var second = gate.EnterAsync(urgent: false, default);
        var urgent = gate.EnterAsync(urgent: true, default);

        gate.Exit();
        Assert.Equal((true, false, false), (urgent.IsCompleted, first.IsCompleted, second.IsCompleted));
        gate.Exit();
        Assert.Equal((true, false), (first.IsCompleted, second.IsCompleted));
        gate.Exit();
        Assert.True(second.IsCompleted);
    }

    [Fact]
    public async Task Exit_SkipsAWaiterThatWasCancelled_AndTheWriterStaysUsable()
    {
        var gate = new WriterGate();
        await gate.EnterAsync(urgent: false, default);
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(urgent: true, cancel.Token);
        var waiting = gate.EnterAsync(urgent: false, default);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        gate.Exit();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        gate.Exit();
        await gate.EnterAsync(urgent: false, default).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Close_FailsEveryWaiterAndLaterCaller_InsteadOfLeavingThemWaiting()
    {
        var gate = new WriterGate();
        await gate.EnterAsync(urgent: false, default);
        var waiting = gate.EnterAsync(urgent: false, default);

        gate.Close();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Throws<ObjectDisposedException>(() => { _ = gate.EnterAsync(urgent: true, default); });
    }
}
