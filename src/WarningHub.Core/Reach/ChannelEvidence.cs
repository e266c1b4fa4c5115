using WarningHub.Abstractions;

namespace WarningHub.Core.Reach;

/// <summary>
/// The best a channel's slots to one address got, over every round. Ordered: a later value beats an earlier one,
/// so the best of several slots is their maximum (a failed first send and a delivered repeat is delivered).
/// </summary>
public enum SlotEvidence : byte
{
    /// <summary>No slot for the address.</summary>
    None = 0,

    /// <summary>Never sent: the warning expired or was cancelled first.</summary>
    NotSent = 1,

    /// <summary>The gateway or the receipt said it failed.</summary>
    Failed = 2,

    /// <summary>Sent, but no receipt came within the receipt window.</summary>
    Unconfirmed = 3,

    /// <summary>Not final yet: planned, queued, sending or waiting for its receipt.</summary>
    Pending = 4,

    /// <summary>A receipt confirmed delivery: the only evidence of reach.</summary>
    Delivered = 5,
}

/// <summary>Helpers on <see cref="SlotEvidence"/>.</summary>
public static class SlotEvidences
{
    public static SlotEvidence Of(DeliveryStatus state) => state switch
    {
        DeliveryStatus.Delivered => SlotEvidence.Delivered,
        DeliveryStatus.Unconfirmed => SlotEvidence.Unconfirmed,
        DeliveryStatus.Failed => SlotEvidence.Failed,
        DeliveryStatus.Expired or DeliveryStatus.Cancelled => SlotEvidence.NotSent,
        _ => SlotEvidence.Pending,
    };
}

/// <summary>
/// The distinct addresses of one warning's slots on one channel, numbered 0..Count-1 (ordinals), over every round.
/// Immutable: the ledger hands out a new book when new shards add addresses, so a book can key caches by reference.
/// </summary>
public class AddressBook
{
    private readonly string[] _addresses;
    private Dictionary<string, int>? _ordinals;

    protected AddressBook(long warningId, string channel, string[] addresses)
    {
        WarningId = warningId;
        Channel = channel;
        _addresses = addresses;
    }

    /// <summary>A book of the given addresses (tests and other ledgers).</summary>
    public static AddressBook Of(long warningId, string channel, IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        return new AddressBook(warningId, channel, [.. addresses.Distinct(StringComparer.Ordinal)]);
    }

    public long WarningId { get; }

    public string Channel { get; }

    public int Count => _addresses.Length;

    public string this[int ordinal] => _addresses[ordinal];

    /// <summary>The ordinal of an address, or -1 when no slot of the channel has it.</summary>
    public int OrdinalOf(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var ordinals = LazyInitializer.EnsureInitialized(ref _ordinals, () =>
        {
            var d = new Dictionary<string, int>(_addresses.Length, StringComparer.Ordinal);
            for (var i = 0; i < _addresses.Length; i++) d.TryAdd(_addresses[i], i);
            return d;
        });
        return ordinals.TryGetValue(address, out var o) ? o : -1;
    }
}

/// <summary>Per ordinal of a <see cref="AddressBook"/>: the best evidence and, when delivered, the first delivery's time (Unix ms).</summary>
public sealed class ChannelEvidence
{
    public ChannelEvidence(AddressBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        Book = book;
        Best = new SlotEvidence[book.Count];
        DeliveredAtMs = new long[book.Count];
    }

    /// <summary>No slots at all: a channel the warning never used.</summary>
    public static ChannelEvidence Empty(long warningId, string channel) => new(AddressBook.Of(warningId, channel, []));

    public AddressBook Book { get; }

    public SlotEvidence[] Best { get; }

    public long[] DeliveredAtMs { get; }

    /// <summary>
    /// The first round's slot counts per village, in persons, from the same read (as <see cref="IReachQuery.VillageCountsAsync(long, CancellationToken)"/>
    /// gives them); null when only some addresses were read.
    /// </summary>
    public IReadOnlyList<VillageChannelCounts>? FirstRoundCounts { get; set; }

    /// <summary>Folds one slot's state into its address's evidence.</summary>
    public void Add(int ordinal, DeliveryStatus state, long updatedAtMs)
    {
        var evidence = SlotEvidences.Of(state);
        if (evidence == SlotEvidence.Delivered)
        {
            var at = DeliveredAtMs[ordinal];
            if (Best[ordinal] != SlotEvidence.Delivered || updatedAtMs < at) DeliveredAtMs[ordinal] = updatedAtMs;
        }
        if (evidence > Best[ordinal]) Best[ordinal] = evidence;
    }

    public SlotEvidence Of(int ordinal) => ordinal < 0 ? SlotEvidence.None : Best[ordinal];
}
