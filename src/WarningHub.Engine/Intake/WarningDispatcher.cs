using Microsoft.Extensions.Logging;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Release;

namespace WarningHub.Engine.Intake;

/// <summary>
/// What happens to an accepted warning next: a Cancel ends the warnings it references, an Update supersedes
/// them and is released itself, an Alert is released at its effective time. Runs after intake and again at
/// start-up for anything a crash left in Accepted; every step is idempotent.
/// </summary>
public sealed class WarningDispatcher(
    IWarningStore warnings,
    WarningLifecycle lifecycle,
    WarningScheduler scheduler,
    ImmediateReleases immediate,
    TimeProvider time,
    ILogger<WarningDispatcher> logger)
{
    public async Task DispatchAsync(WarningRecord warning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        if (warning.State != WarningState.Accepted) return;
        switch (warning.MsgType)
        {
            case "Cancel":
                await EndReferencedAsync(warning, cancel: true, cancellationToken);
                await warnings.EndAsync(warning.Id, WarningState.Applied, time.GetUtcNow(), cancellationToken);
                return;
            case "Update":
                await EndReferencedAsync(warning, cancel: false, cancellationToken);
                break;
        }
        var now = time.GetUtcNow();
        if (warning.Expires is { } expires && expires <= now)
        {
            await lifecycle.ExpireAsync(warning.Id, cancellationToken);
            return;
        }
        if (warning.Effective > now) await scheduler.ScheduleReleaseAsync(warning.Id, warning.Effective, cancellationToken);
        else immediate.Start(warning.Id);
    }

    private async Task EndReferencedAsync(WarningRecord warning, bool cancel, CancellationToken cancellationToken)
    {
        foreach (var publicId in warning.References)
        {
            var earlier = await warnings.GetAsync(publicId, cancellationToken);
            if (earlier is null) continue;
            var ended = cancel
                ? await lifecycle.CancelAsync(earlier.Id, cancellationToken)
                : await lifecycle.SupersedeAsync(earlier.Id, cancellationToken);
            if (ended) logger.LogInformation("Warning {Earlier} {What} by {Later}", earlier.PublicId, cancel ? "cancelled" : "superseded", warning.PublicId);
        }
    }
}
