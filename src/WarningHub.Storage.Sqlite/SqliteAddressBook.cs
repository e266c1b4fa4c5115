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
        // Shards of one round that follow each other in slot ids and in positions read as one range: a plan's shards usually do.
        var runs = new List<ShardRange>();
        foreach (var s in shards)
        {
            var previous = runs.Count > 0 ? runs[^1] : default;
            if (runs.Count > 0 && previous.Round == s.Round && previous.Last + 1 == s.First && previous.Base + (int)(previous.Last - previous.First + 1) == s.Base)
                runs[^1] = previous with { Last = s.Last };
            else runs.Add(s);
        }
        Runs = [.. runs];
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

    /// <summary>The shards merged into runs of consecutive slot ids of one round, for reading every slot of the book.</summary>
    public ShardRange[] Runs { get; }

    public SlotFacts[] Slots { get; }

    public int[] SlotStart { get; }

    public long[] SlotIds { get; }

    /// <summary>The position in <see cref="Slots"/> of a slot of this book, or -1 for a slot of another warning or channel.</summary>
    public int PositionOf(long slotId)
    {
        int lo = 0, hi = Shards.Length - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var s = Shards[mid];
            if (slotId < s.First) hi = mid - 1;
            else if (slotId > s.Last) lo = mid + 1;
            else return s.Base + (int)(slotId - s.First);
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
}
