namespace WarningHub.Channels.Sms.Smpp.Gateway;

/// <summary>
/// What the attempts so far achieved for one slot's concatenated message: its reference and, per part, the id the
/// SMSC gave when it accepted the part (null while the part got no response or a refusal).
/// </summary>
internal sealed class SlotProgress(long slot, string address, ushort reference, int total, int textHash)
{
    private readonly string?[] _ids = new string?[total];

    public long Slot { get; } = slot;

    public string Address { get; } = address;

    public ushort Reference { get; } = reference;

    public int Total { get; } = total;

    public int TextHash { get; } = textHash;

    /// <summary>TimeProvider timestamp after which the entry is forgotten.</summary>
    public long ExpiresAt { get; set; }

    /// <summary>The node in the memory's age order, for O(1) refresh and eviction.</summary>
    public LinkedListNode<SlotProgress>? AgeNode { get; set; }

    public string? IdOf(int part)
    {
        lock (_ids)
        {
            return _ids[part];
        }
    }

    public void Accept(int part, string id)
    {
        lock (_ids)
        {
            _ids[part] ??= id;
        }
    }

    public bool Matches(string address, int total, int textHash) => Address == address && Total == total && TextHash == textHash;
}
