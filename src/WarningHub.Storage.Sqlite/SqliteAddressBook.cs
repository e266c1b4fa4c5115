using WarningHub.Core.Reach;

namespace WarningHub.Storage.Sqlite;

/// <summary>
/// An address book with where its slots are: each shard's id range and, per slot position, the address ordinal; per
/// ordinal, its slots (one per round). Reading evidence is then a range scan per shard with no text compared.
/// </summary>
internal sealed class SqliteAddressBook : AddressBook
{
    private SqliteAddressBook(long warningId, string channel, string[] addresses, ShardRange[] shards, int[] slotOrdinals)
        : base(warningId, channel, addresses)
    {
        Shards = shards;
        SlotOrdinals = slotOrdinals;
        // Shards that follow each other in slot ids and in positions read as one range: a plan's shards usually do.
        var runs = new List<ShardRange>();
        foreach (var s in shards)
        {
            if (runs.Count > 0 && runs[^1].Last + 1 == s.First && runs[^1].Base + (int)(runs[^1].Last - runs[^1].First + 1) == s.Base)
                runs[^1] = runs[^1] with { Last = s.Last };
            else runs.Add(s);
        }
        Runs = [.. runs];
        // Slots per ordinal, as compressed rows.
        SlotStart = new int[addresses.Length + 1];
        foreach (var o in slotOrdinals) SlotStart[o + 1]++;
        for (var i = 0; i < addresses.Length; i++) SlotStart[i + 1] += SlotStart[i];
        SlotIds = new long[slotOrdinals.Length];
        var fill = SlotStart[..^1];
        foreach (var s in shards)
        {
            for (var id = s.First; id <= s.Last; id++)
            {
                var o = slotOrdinals[s.Base + (int)(id - s.First)];
                SlotIds[fill[o]++] = id;
            }
        }
    }

    /// <summary>A shard's slots: ids First..Last, at positions Base.. of <see cref="SlotOrdinals"/>.</summary>
    internal readonly record struct ShardRange(long Id, long First, long Last, int Base);

    public ShardRange[] Shards { get; }

    /// <summary>The shards merged into runs of consecutive slot ids, for reading every slot of the book.</summary>
    public ShardRange[] Runs { get; }

    public int[] SlotOrdinals { get; }

    public int[] SlotStart { get; }

    public long[] SlotIds { get; }

    /// <summary>The ordinal of the address of a slot of this book, or -1 for a slot of another warning or channel.</summary>
    public int OrdinalOfSlot(long slotId)
    {
        // Shards are few and in id order within a book; a binary search finds the one holding the slot.
        int lo = 0, hi = Shards.Length - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var s = Shards[mid];
            if (slotId < s.First) hi = mid - 1;
            else if (slotId > s.Last) lo = mid + 1;
            else return SlotOrdinals[s.Base + (int)(slotId - s.First)];
        }
        return -1;
    }

    /// <summary>This book with more shards; <paramref name="addressesOfShard"/> gives each new shard's addresses in slot order.</summary>
    public static SqliteAddressBook Extend(SqliteAddressBook? previous, long warningId, string channel, IReadOnlyList<(long Id, long First, long Last)> shards,
        Func<long, long, IReadOnlyList<string>> addressesOfShard)
    {
        var addresses = new List<string>();
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var ranges = new List<ShardRange>();
        var slotOrdinals = new List<int>();
        var known = new HashSet<long>();
        if (previous is not null)
        {
            for (var i = 0; i < previous.Count; i++)
            {
                addresses.Add(previous[i]);
                ordinals[previous[i]] = i;
            }
            ranges.AddRange(previous.Shards);
            slotOrdinals.AddRange(previous.SlotOrdinals);
            foreach (var s in previous.Shards) known.Add(s.Id);
        }
        foreach (var (id, first, last) in shards)
        {
            if (known.Contains(id)) continue;
            var range = new ShardRange(id, first, last, slotOrdinals.Count);
            foreach (var address in addressesOfShard(first, last))
            {
                if (!ordinals.TryGetValue(address, out var o))
                {
                    o = addresses.Count;
                    ordinals[address] = o;
                    addresses.Add(address);
                }
                slotOrdinals.Add(o);
            }
            if (slotOrdinals.Count - range.Base != last - first + 1)
                throw new InvalidOperationException($"Shard {id} should hold slots {first}..{last}, found {slotOrdinals.Count - range.Base}.");
            ranges.Add(range);
        }
        ranges.Sort((x, y) => x.First.CompareTo(y.First));
        return new SqliteAddressBook(warningId, channel, [.. addresses], [.. ranges], [.. slotOrdinals]);
    }
}
