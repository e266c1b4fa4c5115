using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WarningHub.Engine.Sending;

namespace WarningHub.Engine.Hosting;

/// <summary>
/// The last step of start-up: one warm-up job through Hangfire and the send path (see
/// <see cref="ShardJob.WarmUpAsync"/>). Start-up waits for it, boundedly, so a hub that reports itself started
/// sends its first warning without paying for first-use costs; a warm-up that fails or times out is logged and
/// changes nothing else.
/// </summary>
public sealed class EngineWarmUp(IBackgroundJobClient jobs, WarmUpSignal signal, ILogger<EngineWarmUp> logger) : IHostedService
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            jobs.Enqueue<ShardJob>(j => j.WarmUpAsync(CancellationToken.None));
            await signal.Task.WaitAsync(Limit, cancellationToken);
            logger.LogDebug("Engine warmed up in {Ms:F0} ms", TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("The engine's warm-up job did not run within {Seconds} s; the first warning may be slower to leave", Limit.TotalSeconds);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Set once the warm-up job has run.</summary>
public sealed class WarmUpSignal
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Task => _done.Task;

    public void Done() => _done.TrySetResult();
}
