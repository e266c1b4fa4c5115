using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Core.Cap;
using WarningHub.Core.Ledger;
using WarningHub.Core.Warnings;

namespace WarningHub.Engine.Shared;

/// <summary>
/// Ends warnings: expiry, cancel and supersession. The order matters for guarantee 4: first the durable state
/// (so no new job starts sending), then the stop signal (running jobs stop between two sends), then the ledger
/// (pending slots become final). Shared by Release (which ends warnings and removes their triggers) and Sending
/// (which checks between batches); triggers left behind find the warning ended and do nothing.
/// </summary>
public sealed class WarningLifecycle(IWarningStore warnings, ILedger ledger, ActiveWarnings active, TimeProvider time, ILogger<WarningLifecycle> logger)
{
    /// <summary>How long a Cancel without an expiry of its own stays in force.</summary>
    public static readonly TimeSpan CancelLifetime = TimeSpan.FromDays(1);

    /// <summary>
    /// When a released warning ends by itself: its CAP expiry; a Cancel that names none ends a day after its release
    /// (<paramref name="releasedAt"/>), so its pending all-clears do not wait forever and it leaves the CAP feed.
    /// </summary>
    public static DateTimeOffset? EndOf(WarningRecord warning, DateTimeOffset releasedAt)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return warning.Expires ?? (warning.MsgType == CapMsgType.Cancel ? releasedAt + CancelLifetime : null);
    }

    /// <summary>Whether a released warning's loudspeaker bulletin is repeated (never an all-clear).</summary>
    public static bool Repeats(WarningRecord warning) => warning?.MsgType != CapMsgType.Cancel;

    public Task<bool> ExpireAsync(long warningId, CancellationToken cancellationToken) =>
        EndAsync(warningId, WarningState.Expired, DeliveryStatus.Expired, cancellationToken);

    public Task<bool> CancelAsync(long warningId, CancellationToken cancellationToken) =>
        EndAsync(warningId, WarningState.Cancelled, DeliveryStatus.Cancelled, cancellationToken);

    public Task<bool> SupersedeAsync(long warningId, CancellationToken cancellationToken) =>
        EndAsync(warningId, WarningState.Superseded, DeliveryStatus.Cancelled, cancellationToken);

    /// <summary>
    /// For jobs between batches: true when the warning has ended (expired now if its time is past),
    /// after making sure its pending slots are final.
    /// </summary>
    public async Task<bool> EndIfOverAsync(long warningId, CancellationToken cancellationToken)
    {
        var warning = await warnings.GetByIdAsync(warningId, cancellationToken);
        if (warning is null) return true;
        if (warning.State.HasEnded())
        {
            active.Stop(warningId);
            var final = warning.State == WarningState.Expired ? DeliveryStatus.Expired : DeliveryStatus.Cancelled;
            await ledger.EndWarningAsync(warningId, final, cancellationToken);
            return true;
        }
        if (warning.Expires is { } end && end <= time.GetUtcNow())
        {
            await ExpireAsync(warningId, cancellationToken);
            return true;
        }
        return false;
    }

    private async Task<bool> EndAsync(long warningId, WarningState state, DeliveryStatus slotState, CancellationToken cancellationToken)
    {
        var ended = await warnings.EndAsync(warningId, state, time.GetUtcNow(), cancellationToken);
        active.Stop(warningId);
        var slots = await ledger.EndWarningAsync(warningId, slotState, cancellationToken);
        if (ended) logger.LogInformation("Warning {WarningId} {State}; {Slots} pending slots ended", warningId, state, slots);
        return ended;
    }
}
