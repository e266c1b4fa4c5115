using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WarningHub.Engine.Upstream;

/// <summary>
/// Polls every configured upstream CAP feed on its own interval (on the injected clock), starting once the host has
/// started (the registry is loaded, the schedulers run). A failed poll is logged; polling goes on.
/// </summary>
public sealed class UpstreamPoller(
    UpstreamPoll poll,
    IOptions<CapFeedOptions> options,
    TimeProvider time,
    ILogger<UpstreamPoller> logger,
    IHostApplicationLifetime? lifetime = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var upstreams = options.Value.Upstreams;
        if (upstreams.Count == 0) return;
        try
        {
            if (lifetime is not null)
            {
                var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
                {
                    await started.Task.WaitAsync(stoppingToken);
                }
            }
            await Task.WhenAll(upstreams.Select(u => PollLoopAsync(u, stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a poll cut short is done again after the next start; intake dedup makes that harmless.
        }
    }

    private async Task PollLoopAsync(CapUpstreamOptions upstream, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(upstream.PollInterval, time);
        do
        {
            try
            {
                await poll.RunAsync(upstream, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Upstream {Upstream}: poll failed; polling goes on", upstream.Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
