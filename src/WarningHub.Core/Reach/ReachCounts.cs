namespace WarningHub.Core.Reach;

/// <summary>
/// Persons of an area by how far a warning got to them on one channel. A person with no address on the channel
/// (no phone) is targeted but never pending: they belong on the door-to-door list from the start.
/// </summary>
public sealed record ReachCounts(int Targeted, int WithoutAddress, int Sent, int Delivered, int Failed, int Pending)
{
    public static readonly ReachCounts Zero = new(0, 0, 0, 0, 0, 0);

    /// <summary>Targeted persons not confirmed reached: the follow-up list.</summary>
    public int Unreached => Targeted - Delivered;

    public ReachCounts Add(ReachCounts o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(Targeted + o.Targeted, WithoutAddress + o.WithoutAddress, Sent + o.Sent, Delivered + o.Delivered, Failed + o.Failed, Pending + o.Pending);
    }
}

/// <summary>Raw counts of one village and channel, as the ledger reports them, in persons.</summary>
/// <param name="Sent">Persons whose message left our hands (sent, delivered or unconfirmed).</param>
/// <param name="Failed">Persons whose slot failed, expired or was cancelled.</param>
/// <param name="Pending">Persons whose slot is not final yet.</param>
/// <param name="Total">Persons (SMS) or endpoints (other channels) the slots stand for.</param>
public readonly record struct VillageChannelCounts(long VillageCode, string Channel, int Sent, int Delivered, int Failed, int Pending, int Total = 0);

/// <summary>What the ledger knows about a warning's reach, village by village.</summary>
public interface IReachQuery
{
    /// <summary>Targets per village (persons and those no channel can address).</summary>
    Task<IReadOnlyList<Planning.VillageTarget>> TargetsAsync(long warningId, CancellationToken cancellationToken);

    /// <summary>Slot outcomes per village and channel, in persons.</summary>
    Task<IReadOnlyList<VillageChannelCounts>> VillageCountsAsync(long warningId, CancellationToken cancellationToken);

    /// <summary>The same, without the channels in <paramref name="skipChannels"/> (counted elsewhere, from <see cref="ChannelEvidence.FirstRoundCounts"/>).</summary>
    async Task<IReadOnlyList<VillageChannelCounts>> VillageCountsAsync(long warningId, IReadOnlySet<string>? skipChannels, CancellationToken cancellationToken) =>
        [.. (await VillageCountsAsync(warningId, cancellationToken)).Where(c => skipChannels?.Contains(c.Channel) != true)];
}
