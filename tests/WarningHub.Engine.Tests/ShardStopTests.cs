using WarningHub.Abstractions;

namespace WarningHub.Engine.Tests;

/// <summary>A clean stop arriving while a shard's window is full: the sends in hand finish and are recorded.</summary>
public sealed class ShardStopTests
{
    [Fact]
    public async Task Run_StoppedWhileTheWindowIsFull_RecordsTheSendsInFlight_AndLeavesTheRestUnspent()
    {
        var sender = new HeldSender(maxInFlight: 2);
        await using var h = new EngineHarness(sender);
        var (warning, shards) = await h.ReleasedWarningAsync(50);
        using var host = new CancellationTokenSource();

        var run = h.Job.RunAsync(shards[0].Id, host.Token);
        Assert.True(await Eventually.TrueAsync(() => sender.Started == 2)); // both window places are taken; the third waits
        await host.CancelAsync(); // the host stops now
        sender.Answer(); // the two written sends are answered after the stop
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
            // The job may end by its token once its sends are recorded.
        }

        var counts = await h.CountsAsync(warning.Id);
        Assert.Equal(2, sender.Started);
        Assert.Equal(2, counts[DeliveryStatus.Sent]); // answered after the stop, and still recorded
        Assert.Equal(0, counts[DeliveryStatus.Sending]);
        Assert.Equal(0, counts.PossiblyDuplicated);
        Assert.Equal(48, counts[DeliveryStatus.Queued] + counts[DeliveryStatus.Planned]);
    }

    private sealed class HeldSender(int maxInFlight) : ITextSender
    {
        private readonly TaskCompletionSource _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _started;

        public ChannelDefinition Definition { get; } = new("fake:sms", "sms", 1000, SupportsReceipts: true, MaxInFlight: maxInFlight);

        public int Started => Volatile.Read(ref _started);

        public void Answer() => _answer.TrySetResult();

        public async ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _started);
            await _answer.Task; // written: from here a stop no longer takes it back
            return DeliveryResult.Accepted(["held-" + message.Reference]);
        }
    }
}
