namespace WarningHub.Core.Reach;

/// <summary>
/// What the ledger holds as evidence of reach for persons and households: the state of every slot of a channel
/// by address, over every round, and the villages whose loudspeakers played.
/// </summary>
public interface IReachEvidence
{
    /// <summary>The addresses of a warning's slots on a channel (cached by the ledger while no shard is added).</summary>
    Task<AddressBook> AddressesAsync(long warningId, string channel, CancellationToken cancellationToken);

    /// <summary>The evidence per address, read now; of the given ordinals only when <paramref name="ordinals"/> is not null.</summary>
    Task<ChannelEvidence> EvidenceAsync(AddressBook book, IReadOnlyCollection<int>? ordinals, CancellationToken cancellationToken);

    /// <summary>Villages where a loudspeaker slot of any round was delivered (played), with the first play's time.</summary>
    Task<IReadOnlyDictionary<long, DateTimeOffset>> VillagesPlayedAsync(long warningId, CancellationToken cancellationToken);
}
