using Microsoft.Extensions.Logging;
using WarningHub.Core.Cap;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Release;

/// <summary>What the release outbox does with an accepted warning.</summary>
public enum Dispatch
{
    /// <summary>Nothing more to do here (a Cancel applied, an expired warning ended, or not Accepted any more).</summary>
    Done,

    /// <summary>Due now: release it.</summary>
    ReleaseNow,

    /// <summary>Effective later: a Quartz trigger releases it then.</summary>
    Scheduled,
}

/// <summary>
/// What happens to an accepted warning next: a Cancel ends the warnings it references and is released at once (its
/// all-clear goes to everyone they reached), an Update supersedes them and is released itself (to its own area and to
/// everyone they reached), an Alert is released at its effective time. Every step is idempotent: the outbox
/// may dispatch the same warning again after a crash or a failed try.
/// </summary>
public sealed class WarningDispatcher(
    IWarningStore warnings,
    WarningLifecycle lifecycle,
    WarningScheduler scheduler,
    TimeProvider time,
    ILogger<WarningDispatcher> logger)
{
    public async Task<Dispatch> DispatchAsync(WarningRecord warning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        if (warning.State != WarningState.Accepted) return Dispatch.Done;
        switch (warning.MsgType)
        {
            case CapMsgType.Cancel:
                // The warnings it ends stop first; then its all-clear (解除) goes at once to everyone they reached.
                await EndReferencedAsync(warning, cancel: true, cancellationToken);
                return Dispatch.ReleaseNow;
            case CapMsgType.Update:
                await EndReferencedAsync(warning, cancel: false, cancellationToken);
                break;
        }
        var now = time.GetUtcNow();
        if (warning.Expires is { } expires && expires <= now)
        {
            await lifecycle.ExpireAsync(warning.Id, cancellationToken);
            return Dispatch.Done;
        }
        if (warning.Effective <= now) return Dispatch.ReleaseNow;
        await scheduler.ScheduleReleaseAsync(warning.Id, warning.Effective, cancellationToken);
        return Dispatch.Scheduled;
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
            // Its repeats and a release still waiting for its effective time go with it.
            await scheduler.UnscheduleAsync(earlier.Id, cancellationToken);
            if (ended) logger.LogInformation("Warning {Earlier} {What} by {Later}", earlier.PublicId, cancel ? "cancelled" : "superseded", warning.PublicId);
        }
    }
}
