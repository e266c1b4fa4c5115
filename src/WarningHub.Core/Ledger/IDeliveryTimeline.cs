namespace WarningHub.Core.Ledger;

/// <summary>When one channel of a warning sent and delivered, for a drill's report.</summary>
/// <param name="Channel">The ledger channel.</param>
/// <param name="Planned">Slots of the first round.</param>
/// <param name="FirstSentAt">The first send of the channel; null while nothing was sent.</param>
/// <param name="DeliveredAt">When each delivered slot was delivered, in order.</param>
public sealed record ChannelTimeline(string Channel, int Planned, DateTimeOffset? FirstSentAt, IReadOnlyList<DateTimeOffset> DeliveredAt);

/// <summary>Reads a warning's send and delivery times per channel from the ledger.</summary>
public interface IDeliveryTimeline
{
    /// <summary>Every channel of the warning's first round.</summary>
    /// <param name="warningId">The warning.</param>
    /// <param name="cancellationToken">Ends the read.</param>
    Task<IReadOnlyList<ChannelTimeline>> OfWarningAsync(long warningId, CancellationToken cancellationToken);
}
