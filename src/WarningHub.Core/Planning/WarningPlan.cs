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

    /// <summary>Shard boundaries as (index, start, count); a short last shard is merged into the one before.</summary>
    public IEnumerable<(int Index, int Start, int Count)> Shards()
    {
        var n = Slots.Count;
        if (n == 0) yield break;
        var shards = Math.Max(1, n / ShardSize);
        for (var i = 0; i < shards; i++)
        {
            var start = i * ShardSize;
            var count = i == shards - 1 ? n - start : ShardSize;
            yield return (i, start, count);
        }
    }
}

/// <summary>Everything the planner decided for one warning.</summary>
public sealed record WarningPlan(long WarningId, IReadOnlyList<VillageTarget> Targets, IReadOnlyList<ChannelPlan> Channels);
