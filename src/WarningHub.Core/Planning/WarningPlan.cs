namespace WarningHub.Core.Planning;

/// <summary>One recipient address of one channel, with the village it counts for in reach.</summary>
public readonly record struct PlannedSlot(string Address, long VillageCode, int Persons);

/// <summary>How many persons of a village a warning targets, and how many of them no channel can address.</summary>
public readonly record struct VillageTarget(long VillageCode, int Persons, int PersonsWithoutAddress);

/// <summary>The slots of one channel, ordered, cut into shards of <see cref="ShardSize"/>.</summary>
public sealed record ChannelPlan(string Channel, IReadOnlyList<PlannedSlot> Slots, int ShardSize)
{
    /// <summary>0 for the first send; 1, 2, ... for repeats of a broadcast (each repeat is a slot set of its own).</summary>
    public int Round { get; init; }

    /// <summary>
    /// Slots of the small shard a plan of several shards leads with. The first shard is persisted alone, and the first
    /// message leaves only once it is committed: 1,000 slots took 20-27 ms of a cold hub's first send, this lead a
    /// tenth of that. The fast lane's first claim (64 slots) fits in it.
    /// </summary>
    public const int LeadShardSize = 100;

    /// <summary>
    /// Shard boundaries as (index, start, count): a plan of more than one shard leads with <see cref="LeadShardSize"/>
    /// slots, then shards of <see cref="ShardSize"/>, a short last one merged into the one before. The same plan always
    /// cuts the same way, so a resumed release finds the shards it persisted before.
    /// </summary>
    public IEnumerable<(int Index, int Start, int Count)> Shards()
    {
        var n = Slots.Count;
        if (n == 0) yield break;
        var lead = n > ShardSize ? Math.Min(LeadShardSize, ShardSize) : 0;
        if (lead > 0) yield return (0, 0, lead);
        var rest = n - lead;
        var shards = Math.Max(1, rest / ShardSize);
        var first = lead > 0 ? 1 : 0;
        for (var i = 0; i < shards; i++)
        {
            var start = lead + (i * ShardSize);
            var count = i == shards - 1 ? n - start : ShardSize;
            yield return (first + i, start, count);
        }
    }
}

/// <summary>Everything the planner decided for one warning.</summary>
public sealed record WarningPlan(long WarningId, IReadOnlyList<VillageTarget> Targets, IReadOnlyList<ChannelPlan> Channels);
