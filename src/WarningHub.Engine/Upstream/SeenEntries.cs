namespace WarningHub.Engine.Upstream;

/// <summary>
/// The entries of one upstream already dealt with, so they are not fetched again, and the failed attempts of the
/// others. Bounded: the oldest are forgotten first (intake's sender+identifier dedup is the real guard).
/// Used by one poll loop at a time.
/// </summary>
public sealed class SeenEntries(int capacity)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);

    public int Count => _seen.Count;

    public bool Contains(string key) => _seen.Contains(key);

    public void Remember(string key)
    {
        _failures.Remove(key);
        if (!_seen.Add(key)) return;
        _order.Enqueue(key);
        while (_order.Count > capacity) _seen.Remove(_order.Dequeue());
    }

    /// <summary>Counts a failed attempt; returns how many there were.</summary>
    public int Failed(string key)
    {
        if (_failures.Count >= capacity && !_failures.ContainsKey(key)) _failures.Clear();
        _failures[key] = _failures.GetValueOrDefault(key) + 1;
        return _failures[key];
    }
}
