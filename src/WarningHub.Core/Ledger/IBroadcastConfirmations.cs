namespace WarningHub.Core.Ledger;

/// <summary>A village broadcaster's "played" for one round of a warning's bulletin.</summary>
public sealed record BroadcastConfirmation(long WarningId, long VillageCode, int Round, DateTimeOffset At);

/// <summary>Broadcasters' play confirmations: a confirmation counts in reach as the village having been broadcast to.</summary>
public interface IBroadcastConfirmations
{
    /// <summary>
    /// Records one confirmation with its <c>acknowledge</c> audit row, in one transaction; the same village and round
    /// confirmed twice is recorded (and audited) once.
    /// </summary>
    Task<bool> RecordAsync(BroadcastConfirmation confirmation, CancellationToken cancellationToken);

    /// <summary>Every confirmation of a warning, by village and round.</summary>
    Task<IReadOnlyList<BroadcastConfirmation>> OfWarningAsync(long warningId, CancellationToken cancellationToken);
}
