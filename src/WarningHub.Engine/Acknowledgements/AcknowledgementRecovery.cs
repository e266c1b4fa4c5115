using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WarningHub.Core.Acknowledgements;

namespace WarningHub.Engine.Acknowledgements;

/// <summary>
/// At start-up, puts every pending 叫应 deadline back on Quartz from the ledger: a restart between a call and its
/// deadline loses nothing. A deadline that passed while the hub was down fires as soon as Quartz starts.
/// </summary>
public sealed class AcknowledgementRecovery(IAcknowledgementStore store, AcknowledgementScheduler scheduler, ILogger<AcknowledgementRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var pending = await store.PendingDeadlinesAsync(cancellationToken);
        foreach (var (warningId, at) in pending) await scheduler.ScheduleAsync(warningId, at, cancellationToken);
        if (pending.Count > 0) logger.LogInformation("叫应 deadlines of {Warnings} warning(s) scheduled again from the ledger", pending.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
