using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WarningHub.Engine.Hosting;

namespace WarningHub.Engine.Release;

/// <summary>
/// Releases a warning that is due now straight away on the thread pool instead of through a Quartz trigger: the
/// trigger's hop cost 25–50 ms of the first send's budget. Nothing is lost by it: the warning is durable in
/// Accepted before this starts, and a crash before it ends is finished by the recovery pass at start-up.
/// A release that fails is tried again (resuming what was persisted) after 1, 5 and 30 seconds.
/// </summary>
public sealed class ImmediateReleases(WarningReleaser releaser, ILogger<ImmediateReleases> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan[] Retries = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    private readonly BackgroundWork _work = new();

    /// <summary>Starts the release; at shutdown it does nothing, and recovery releases the warning at the next start.</summary>
    public void Start(long warningId) => _work.Start(stopping => RunAsync(warningId, stopping));

    private async Task RunAsync(long warningId, CancellationToken stopping)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await releaser.ReleaseAsync(warningId, resume: attempt > 0, stopping);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (attempt < Retries.Length)
            {
                logger.LogError(ex, "Release of warning {WarningId} failed; trying again in {Delay}", warningId, Retries[attempt]);
            }
            catch (Exception ex)
            {
                logger.LogCritical(ex, "Release of warning {WarningId} failed {Attempts} times; it is finished at the next start", warningId, attempt + 1);
                return;
            }
            try
            {
                await Task.Delay(Retries[attempt], stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops waiting retries and lets releases under way finish, up to the host's shutdown token.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _work.StopAsync(cancellationToken);

    public void Dispose() => _work.Dispose();
}
