namespace WarningHub.Core.Ledger;

/// <summary>A shard: a contiguous range of slots of one warning and channel, sent by one background job.</summary>
public sealed record ShardInfo(long Id, long WarningId, string Channel, int Index, long FirstSlot, long LastSlot)
{
    /// <summary>0 for the first send, 1, 2, ... for repeats.</summary>
    public int Round { get; init; }

    /// <summary>How many slots the shard holds.</summary>
    public int Count => checked((int)(LastSlot - FirstSlot + 1));
}
