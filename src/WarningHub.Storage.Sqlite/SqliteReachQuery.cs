using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using WarningHub.Abstractions;
using WarningHub.Core.Planning;
using WarningHub.Core.Reach;

namespace WarningHub.Storage.Sqlite;

/// <summary>
/// Reach straight from the ledger: persons per village and state, and the evidence per address. Address books are
/// kept per warning and channel while no shard is added (the slots' addresses never change), so a report reads only
/// states and times.
/// </summary>
public sealed class SqliteReachQuery(SqliteDatabase database) : IReachQuery, IReachEvidence
{
    /// <summary>Books kept (with their slots' states, some 10 MB for a million slots): enough for the warnings in force at once; the oldest used is dropped first.</summary>
    private const int BooksKept = 8;

    private readonly ConcurrentDictionary<(long, string), (SqliteAddressBook Book, long Used)> _books = new();
    private long _uses;

    public Task<IReadOnlyList<VillageTarget>> TargetsAsync(long warningId, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT village, persons, without_address FROM target WHERE warning = $w ORDER BY village";
        cmd.Parameters.AddWithValue("$w", warningId);
        using var r = cmd.ExecuteReader();
        var result = new List<VillageTarget>();
        while (r.Read()) result.Add(new VillageTarget(r.GetInt64(0), r.GetInt32(1), r.GetInt32(2)));
        return Task.FromResult<IReadOnlyList<VillageTarget>>(result);
    }

    public Task<IReadOnlyList<VillageChannelCounts>> VillageCountsAsync(long warningId, CancellationToken cancellationToken) =>
        VillageCountsAsync(warningId, null, cancellationToken);

    public Task<IReadOnlyList<VillageChannelCounts>> VillageCountsAsync(long warningId, IReadOnlySet<string>? skipChannels, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        var ranges = new List<(string Channel, long First, long Last)>();
        using (var shards = c.CreateCommand())
        {
            shards.CommandText = "SELECT channel, first_slot, last_slot FROM shard WHERE warning = $w AND round = 0 ORDER BY channel, first_slot";
            shards.Parameters.AddWithValue("$w", warningId);
            using var r = shards.ExecuteReader();
            while (r.Read())
            {
                var (channel, first, last) = (r.GetString(0), r.GetInt64(1), r.GetInt64(2));
                if (skipChannels?.Contains(channel) == true) continue;
                // A plan's shards follow each other in slot ids: one range scan for all of them.
                if (ranges.Count > 0 && ranges[^1].Channel == channel && ranges[^1].Last + 1 == first) ranges[^1] = ranges[^1] with { Last = last };
                else ranges.Add((channel, first, last));
            }
        }
        // Summed here rather than by a GROUP BY: SQLite would sort every slot of the warning to group them, while slots
        // come in village order already, so one running total per village suffices.
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT village, state, parts, persons FROM slot WHERE id BETWEEN $a AND $b";
        var a = cmd.Parameters.Add("$a", SqliteType.Integer);
        var b = cmd.Parameters.Add("$b", SqliteType.Integer);
        var acc = new Dictionary<(long, string), VillageChannelCounts>();
        foreach (var (channel, first, last) in ranges)
        {
            a.Value = first;
            b.Value = last;
            using var r = cmd.ExecuteReader();
            var village = long.MinValue;
            var current = default(VillageChannelCounts);
            while (r.Read())
            {
                var v = r.GetInt64(0);
                if (v != village)
                {
                    if (village != long.MinValue) acc[(village, channel)] = current;
                    village = v;
                    current = acc.GetValueOrDefault((v, channel), new VillageChannelCounts(v, channel, 0, 0, 0, 0, 0));
                }
                current = Count(current, (DeliveryStatus)r.GetInt32(1), r.GetInt32(2) > 0, r.GetInt32(3));
            }
            if (village != long.MinValue) acc[(village, channel)] = current;
        }
        IReadOnlyList<VillageChannelCounts> result = acc.Values
            .OrderBy(v => v.VillageCode).ThenBy(v => v.Channel, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(result);
    }

    private static VillageChannelCounts Count(VillageChannelCounts a, DeliveryStatus state, bool accepted, int persons)
    {
        // A failure reported by receipt left our hands all the same: the gateway had accepted it.
        var sent = state.HasLeft() || (state == DeliveryStatus.Failed && accepted) ? persons : 0;
        var delivered = state == DeliveryStatus.Delivered ? persons : 0;
        var failed = state is DeliveryStatus.Failed or DeliveryStatus.Expired or DeliveryStatus.Cancelled ? persons : 0;
        var pending = !state.IsFinal() ? persons : 0;
        return a with
        {
            Sent = a.Sent + sent, Delivered = a.Delivered + delivered, Failed = a.Failed + failed, Pending = a.Pending + pending, Total = a.Total + persons,
        };
    }

    public Task<AddressBook> AddressesAsync(long warningId, string channel, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        var shards = new List<(long, long, long, int)>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT id, first_slot, last_slot, round FROM shard WHERE warning = $w AND channel = $c ORDER BY id";
            cmd.Parameters.AddWithValue("$w", warningId);
            cmd.Parameters.AddWithValue("$c", channel);
            using var r = cmd.ExecuteReader();
            while (r.Read()) shards.Add((r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt32(3)));
        }
        var key = (warningId, channel);
        var use = Interlocked.Increment(ref _uses);
        if (_books.TryGetValue(key, out var kept) && kept.Book.Shards.Length == shards.Count)
        {
            _books[key] = (kept.Book, use);
            return Task.FromResult<AddressBook>(kept.Book);
        }
        using var read = c.CreateCommand();
        read.CommandText = "SELECT address, village, persons FROM slot WHERE id BETWEEN $a AND $b ORDER BY id";
        var a = read.Parameters.Add("$a", SqliteType.Integer);
        var b = read.Parameters.Add("$b", SqliteType.Integer);
        var book = SqliteAddressBook.Extend(kept.Book, warningId, channel, shards, (first, last) =>
        {
            a.Value = first;
            b.Value = last;
            using var r = read.ExecuteReader();
            var slots = new List<(string, long, int)>((int)(last - first + 1));
            while (r.Read()) slots.Add((r.GetString(0), r.GetInt64(1), r.GetInt32(2)));
            return slots;
        });
        _books[key] = (book, use);
        while (_books.Count > BooksKept)
        {
            var oldest = _books.MinBy(kv => kv.Value.Used).Key;
            _books.TryRemove(oldest, out _);
        }
        return Task.FromResult<AddressBook>(book);
    }

    public Task<ChannelEvidence> EvidenceAsync(AddressBook book, IReadOnlyCollection<int>? ordinals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        var evidence = new ChannelEvidence(book);
        if (book.Count == 0)
        {
            if (ordinals is null) evidence.FirstRoundCounts = [];
            return Task.FromResult(evidence);
        }
        if (book is not SqliteAddressBook sqlite) throw new ArgumentException("The book was not made by this ledger.", nameof(book));
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, state, updated_at, parts FROM slot WHERE id BETWEEN $a AND $b";
        var a = cmd.Parameters.Add("$a", SqliteType.Integer);
        var b = cmd.Parameters.Add("$b", SqliteType.Integer);
        if (ordinals is null)
        {
            ReadAll(cmd, a, b, sqlite, evidence);
            return Task.FromResult(evidence);
        }
        // One village's slots: settled ones from the book's states, the others read as runs of nearby ids (a village's
        // slots are mostly contiguous).
        var wanted = new HashSet<int>(ordinals);
        var ids = new List<long>();
        var states = sqlite.States;
        lock (states.Gate)
        {
            foreach (var o in ordinals)
            {
                for (var k = sqlite.SlotStart[o]; k < sqlite.SlotStart[o + 1]; k++)
                {
                    var id = sqlite.SlotIds[k];
                    var shard = sqlite.ShardOf(id);
                    if (!states.Settled[shard])
                    {
                        ids.Add(id);
                        continue;
                    }
                    var p = sqlite.Shards[shard].Base + (int)(id - sqlite.Shards[shard].First);
                    evidence.Add(o, states.State[p], states.UpdatedAt[p]);
                }
            }
        }
        ids.Sort();
        for (var i = 0; i < ids.Count;)
        {
            var j = i;
            while (j + 1 < ids.Count && ids[j + 1] - ids[j] <= 64) j++;
            a.Value = ids[i];
            b.Value = ids[j];
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var position = sqlite.PositionOf(r.GetInt64(0));
                if (position < 0 || !wanted.Contains(sqlite.Slots[position].Ordinal)) continue;
                evidence.Add(sqlite.Slots[position].Ordinal, (DeliveryStatus)r.GetInt32(1), r.GetInt64(2));
            }
            i = j + 1;
        }
        return Task.FromResult(evidence);
    }

    /// <summary>
    /// Every slot of the book: shards not settled yet are read (consecutive ones as one range), settled ones come from
    /// the book's states; then the evidence per address and the first round's counts per village are folded from them.
    /// </summary>
    private static void ReadAll(SqliteCommand cmd, SqliteParameter a, SqliteParameter b, SqliteAddressBook book, ChannelEvidence evidence)
    {
        var states = book.States;
        lock (states.Gate)
        {
            for (var k = 0; k < book.Shards.Length;)
            {
                if (states.Settled[k])
                {
                    k++;
                    continue;
                }
                var end = k;
                while (end + 1 < book.Shards.Length && !states.Settled[end + 1] && book.Shards[end].Last + 1 == book.Shards[end + 1].First) end++;
                Read(cmd, a, b, book, k, end);
                k = end + 1;
            }
            var counts = new Dictionary<long, VillageChannelCounts>();
            foreach (var shard in book.Shards)
            {
                var village = long.MinValue;
                var current = default(VillageChannelCounts);
                for (var p = shard.Base; p <= shard.Base + (int)(shard.Last - shard.First); p++)
                {
                    var slot = book.Slots[p];
                    evidence.Add(slot.Ordinal, states.State[p], states.UpdatedAt[p]);
                    if (shard.Round != 0) continue;
                    if (slot.Village != village)
                    {
                        if (village != long.MinValue) counts[village] = current;
                        village = slot.Village;
                        current = counts.GetValueOrDefault(village, new VillageChannelCounts(village, book.Channel, 0, 0, 0, 0, 0));
                    }
                    current = Count(current, states.State[p], states.Accepted[p], slot.Persons);
                }
                if (village != long.MinValue) counts[village] = current;
            }
            evidence.FirstRoundCounts = [.. counts.Values.OrderBy(v => v.VillageCode)];
        }
    }

    /// <summary>Reads shards <paramref name="from"/>..<paramref name="to"/> (consecutive slot ids) into the book's states.</summary>
    private static void Read(SqliteCommand cmd, SqliteParameter a, SqliteParameter b, SqliteAddressBook book, int from, int to)
    {
        var states = book.States;
        a.Value = book.Shards[from].First;
        b.Value = book.Shards[to].Last;
        var shard = from;
        var final = true;
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var id = r.GetInt64(0);
            while (id > book.Shards[shard].Last)
            {
                states.Settled[shard] = final;
                final = true;
                shard++;
            }
            var p = book.Shards[shard].Base + (int)(id - book.Shards[shard].First);
            var state = (DeliveryStatus)r.GetInt32(1);
            states.State[p] = state;
            states.UpdatedAt[p] = r.GetInt64(2);
            states.Accepted[p] = r.GetInt32(3) > 0;
            final &= state.IsFinal();
        }
        states.Settled[shard] = final;
    }

    public Task<IReadOnlyDictionary<long, DateTimeOffset>> VillagesPlayedAsync(long warningId, CancellationToken cancellationToken)
    {
        using var c = database.OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            SELECT sl.village, MIN(sl.updated_at) FROM shard sh
            JOIN slot sl ON sl.id BETWEEN sh.first_slot AND sh.last_slot
            WHERE sh.warning = $w AND sh.channel IN ('{Channels.LoudspeakerIp}', '{Channels.LoudspeakerSerial}') AND sl.state = {(int)DeliveryStatus.Delivered}
            GROUP BY sl.village
            """;
        cmd.Parameters.AddWithValue("$w", warningId);
        using var r = cmd.ExecuteReader();
        var result = new Dictionary<long, DateTimeOffset>();
        while (r.Read()) result[r.GetInt64(0)] = SqliteTime.FromDb(r.GetInt64(1));
        return Task.FromResult<IReadOnlyDictionary<long, DateTimeOffset>>(result);
    }
}
