namespace WarningHub.Channels.Sms.Smpp.Gateway;

/// <summary>
/// Remembers, per ledger slot (<c>TextMessage.Reference</c>), the concatenation reference of its message and which
/// parts the SMSC already accepted, so that a resend after a lost link reuses the reference and part numbers and
/// sends only the missing parts: the handset then reassembles one message. It also chooses references: never one
/// that is live (remembered) for the same phone. The first choice is a hash of the slot id, so after a restart, with
/// the memory gone, a resend of the slot still gets the reference its first attempt had unless that phone has it
/// live. Bounded: an entry ends when every part is accepted, when the send fails for good, after the TTL, or (oldest
/// first) beyond <see cref="Capacity"/> entries.
/// </summary>
internal sealed class ConcatenationMemory(TimeProvider time, TimeSpan ttl, int referenceSpace, int capacity = ConcatenationMemory.DefaultCapacity)
{
    public const int DefaultCapacity = 200_000;

    private readonly Dictionary<long, SlotProgress> _bySlot = [];
    private readonly Dictionary<string, List<SlotProgress>> _byPhone = new(StringComparer.Ordinal);
    private readonly LinkedList<SlotProgress> _byAge = new();
    private readonly Lock _lock = new();
    private readonly long _ttlTicks = (long)(ttl.TotalSeconds * time.TimestampFrequency);

    public int Capacity { get; } = capacity;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _bySlot.Count;
            }
        }
    }

    /// <summary>
    /// The progress of this slot's message: the remembered one when the address and text are the same, else a new
    /// entry with a reference that is not live for the phone.
    /// </summary>
    public SlotProgress Begin(long slot, string address, int total, int textHash)
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            Sweep(now);
            if (_bySlot.TryGetValue(slot, out var known) && known.Matches(address, total, textHash))
            {
                Touch(known, now);
                return known;
            }

            if (known is not null)
            {
                Remove(known);
            }

            var progress = new SlotProgress(slot, address, ChooseReference(slot, address), total, textHash);
            _bySlot[slot] = progress;
            if (!_byPhone.TryGetValue(address, out var ofPhone))
            {
                _byPhone[address] = ofPhone = [];
            }

            ofPhone.Add(progress);
            progress.AgeNode = _byAge.AddLast(progress);
            progress.ExpiresAt = now + _ttlTicks;
            while (_bySlot.Count > Capacity)
            {
                Remove(_byAge.First!.Value);
            }

            return progress;
        }
    }

    /// <summary>Forgets the entry: every part was accepted, or the message failed for good.</summary>
    public void End(SlotProgress progress)
    {
        lock (_lock)
        {
            if (_bySlot.TryGetValue(progress.Slot, out var current) && ReferenceEquals(current, progress))
            {
                Remove(progress);
            }
        }
    }

    /// <summary>The first choice for a slot, the same in every process: a 64-bit mix of the slot id, folded.</summary>
    public static ushort Preferred(long slot, int referenceSpace)
    {
        var x = unchecked((ulong)slot + 0x9E3779B97F4A7C15UL);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return (ushort)(x % (ulong)referenceSpace);
    }

    private ushort ChooseReference(long slot, string address)
    {
        var preferred = Preferred(slot, referenceSpace);
        if (!_byPhone.TryGetValue(address, out var live) || live.Count == 0)
        {
            return preferred;
        }

        for (var step = 0; step < referenceSpace; step++)
        {
            var candidate = (ushort)((preferred + step) % referenceSpace);
            if (!live.Exists(p => p.Reference == candidate))
            {
                return candidate;
            }
        }

        return preferred; // every reference live for one phone: cannot happen below Capacity = space
    }

    private void Touch(SlotProgress progress, long now)
    {
        progress.ExpiresAt = now + _ttlTicks;
        _byAge.Remove(progress.AgeNode!);
        progress.AgeNode = _byAge.AddLast(progress);
    }

    private void Sweep(long now)
    {
        while (_byAge.First is { } oldest && oldest.Value.ExpiresAt <= now)
        {
            Remove(oldest.Value);
        }
    }

    private void Remove(SlotProgress progress)
    {
        _bySlot.Remove(progress.Slot);
        if (_byPhone.TryGetValue(progress.Address, out var ofPhone))
        {
            ofPhone.Remove(progress);
            if (ofPhone.Count == 0)
            {
                _byPhone.Remove(progress.Address);
            }
        }

        if (progress.AgeNode is not null)
        {
            _byAge.Remove(progress.AgeNode);
            progress.AgeNode = null;
        }
    }
}
