using WarningHub.Core.Reach;

namespace WarningHub.Storage.Sqlite;

/// <summary>
/// An address book with where its slots are: each shard's id range and round, and per slot position the address
/// ordinal, the village and the persons it stands for (none of which ever change); per ordinal, its slots (one per
/// round). Reading evidence is then a range scan with no text compared.
/// </summary>
internal sealed class SqliteAddressBook : AddressBook
{
    private SqliteAddressBook(long warningId, string channel, string[] addresses, ShardRange[] shards, SlotFacts[] slots)
        : base(warningId, channel, addresses)
    {
        Shards = shards;
        Slots = slots;
        States = new SlotStates(slots.Length, shards.Length);
        // Slots per ordinal, as compressed rows.
        SlotStart = new int[addresses.Length + 1];
        foreach (var slot in slots) SlotStart[slot.Ordinal + 1]++;
        for (var i = 0; i < addresses.Length; i++) SlotStart[i + 1] += SlotStart[i];
        SlotIds = new long[slots.Length];
        var fill = SlotStart[..^1];
        foreach (var s in shards)
        {
            for (var id = s.First; id <= s.Last; id++) SlotIds[fill[slots[s.Base + (int)(id - s.First)].Ordinal]++] = id;
        }
    }

    /// <summary>A shard's slots: ids First..Last, at positions Base.. of <see cref="Slots"/>.</summary>
    internal readonly record struct ShardRange(long Id, long First, long Last, int Base, int Round);

    /// <summary>What never changes about a slot: its address (as an ordinal), its village, the persons it stands for.</summary>
    internal readonly record struct SlotFacts(int Ordinal, long Village, int Persons);

    public ShardRange[] Shards { get; }

    public SlotFacts[] Slots { get; }

    /// <summary>The slots' states as last read, per position; a shard whose slots were all final is never read again.</summary>
    public SlotStates States { get; }

    public int[] SlotStart { get; }

    public long[] SlotIds { get; }

    /// <summary>The position in <see cref="Slots"/> of a slot of this book, or -1 for a slot of another warning or channel.</summary>
    public int PositionOf(long slotId) => ShardOf(slotId) is var k and >= 0 ? Shards[k].Base + (int)(slotId - Shards[k].First) : -1;

    /// <summary>The index in <see cref="Shards"/> of the shard holding a slot, or -1.</summary>
    public int ShardOf(long slotId)
    {
        int lo = 0, hi = Shards.Length - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var s = Shards[mid];
            if (slotId < s.First) hi = mid - 1;
            else if (slotId > s.Last) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>This book with more shards; <paramref name="slotsOfShard"/> gives each new shard's slots in id order.</summary>
    public static SqliteAddressBook Extend(SqliteAddressBook? previous, long warningId, string channel,
        IReadOnlyList<(long Id, long First, long Last, int Round)> shards, Func<long, long, IReadOnlyList<(string Address, long Village, int Persons)>> slotsOfShard)
    {
        var addresses = new List<string>();
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var ranges = new List<ShardRange>();
        var slots = new List<SlotFacts>();
        var known = new HashSet<long>();
        if (previous is not null)
        {
            for (var i = 0; i < previous.Count; i++)
            {
                addresses.Add(previous[i]);
                ordinals[previous[i]] = i;
            }
            ranges.AddRange(previous.Shards);
            slots.AddRange(previous.Slots);
            foreach (var s in previous.Shards) known.Add(s.Id);
        }
        foreach (var (id, first, last, round) in shards)
        {
            if (known.Contains(id)) continue;
            var range = new ShardRange(id, first, last, slots.Count, round);
            foreach (var (address, village, persons) in slotsOfShard(first, last))
            {
                if (!ordinals.TryGetValue(address, out var o))
                {
                    o = addresses.Count;
                    ordinals[address] = o;
                    addresses.Add(address);
                }
                slots.Add(new SlotFacts(o, village, persons));
            }
            if (slots.Count - range.Base != last - first + 1)
                throw new InvalidOperationException($"Shard {id} should hold slots {first}..{last}, found {slots.Count - range.Base}.");
            ranges.Add(range);
        }
        ranges.Sort((x, y) => x.First.CompareTo(y.First));
        return new SqliteAddressBook(warningId, channel, [.. addresses], [.. ranges], [.. slots]);
    }

    /// <summary>
    /// The last read state of every slot of a book. A final state never changes (the ledger's update statements only
    /// move slots forward out of non-final states), so once every slot of a shard was read final the shard is settled
    /// and later reports take it from here instead of the database.
    /// </summary>
    internal sealed class SlotStates(int slots, int shards)
    {
        public Lock Gate { get; } = new();

        public Abstractions.DeliveryStatus[] State { get; } = new Abstractions.DeliveryStatus[slots];

        public long[] UpdatedAt { get; } = new long[slots];

        /// <summary>The gateway accepted the slot's message (it has parts): a failure by receipt still left our hands.</summary>
        public bool[] Accepted { get; } = new bool[slots];

        /// <summary>Per shard (in <see cref="Shards"/> order): every slot was final when last read.</summary>
        public bool[] Settled { get; } = new bool[shards];
    }
}
