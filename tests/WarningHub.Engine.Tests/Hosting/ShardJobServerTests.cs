using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WarningHub.Engine.Hosting;
using WarningHub.Engine.Sending;

namespace WarningHub.Engine.Tests.Hosting;

public class ShardJobServerTests
{
    [Fact]
    public async Task StopAsync_TellsTheJobUnderWayAtOnce_AndWaitsForIt_SoItsOutcomesAreWrittenBeforeTheLedgerCloses()
    {
        using var signal = new JobStopSignal();
        var job = new HeldJob(signal);
        var services = new ServiceCollection().AddSingleton(job).BuildServiceProvider();
        using var storage = new InMemoryStorage();
        using var server = new ShardJobServer(services, storage, Options.Create(new EngineOptions { Workers = 1, EndpointWorkers = 1 }), signal);
        await server.StartAsync(default);
        new BackgroundJobClient(storage).Create<HeldJob>(j => j.RunAsync(CancellationToken.None), new Hangfire.States.EnqueuedState(ShardQueue.Sms));
        await job.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var stopping = server.StopAsync(CancellationToken.None);
        // The job hears of the stop while Hangfire still waits for it (it would stop claiming), and finishes what it
        // has in hand some time later.
        await job.SawStop.Task.WaitAsync(TimeSpan.FromSeconds(60));
        // The job cannot finish before it is told to: a stop that did not wait for it would be complete already.
        Assert.False(job.Finished);
        Assert.False(stopping.IsCompleted, "the server's stop did not wait for the job under way");
        job.Finish();
        await stopping.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(job.Finished, "the server stopped before the job under way had finished");
    }

    public sealed class HeldJob(JobStopSignal signal)
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _finished;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource SawStop { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Finished => _finished;

        public void Finish() => _release.TrySetResult();

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            using (signal.Token.Register(() => SawStop.TrySetResult()))
            {
                await _release.Task; // sends written before the stop, answered after it
            }
            _finished = true;
        }
    }
}
