namespace WarningHub.Core.Ledger;

/// <summary>Receipt delays seen in past warnings: delivered minus sent, over the delivered slots of one channel.</summary>
/// <param name="Warnings">How many warnings had such slots.</param>
/// <param name="Samples">How many delivered slots were measured.</param>
/// <param name="Median">The median delay.</param>
/// <param name="P95">The 95th percentile.</param>
public sealed record ReceiptDelayHistory(int Warnings, int Samples, TimeSpan Median, TimeSpan P95);

/// <summary>Reads receipt delays from the ledger (a release preview forecasts with them).</summary>
public interface IReceiptDelays
{
    /// <summary>The delays of <paramref name="channel"/> over the most recent released warnings; null when none has a delivered slot with a send time.</summary>
    /// <param name="channel">A ledger channel (sms…).</param>
    /// <param name="warnings">How many recent released warnings to look at.</param>
    /// <param name="cancellationToken">Ends the read.</param>
    Task<ReceiptDelayHistory?> RecentAsync(string channel, int warnings, CancellationToken cancellationToken);
}
