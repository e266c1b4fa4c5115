using WarningHub.Abstractions;

namespace WarningHub.Channels.Loudspeaker.Ip.Terminals;

/// <summary>
/// The last known state of every terminal heard from, by canonical address. Offline is not stored: a terminal is
/// offline when its last report is older than the allowed silence, computed when asked, so no timer is needed and
/// fake time in tests decides it exactly. A normal report after a fault reads Recovered (恢复) until the terminal
/// reports something other than normal. <see cref="TerminalStatus.At"/> is when the current state began.
/// </summary>
internal sealed class TerminalBook(TimeProvider time, TimeSpan offlineAfter)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public void Report(TerminalReport report)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_entries.TryGetValue(report.Key, out var entry))
            {
                entry = new Entry { State = report.State, Since = now };
                _entries[report.Key] = entry;
            }
            else
            {
                var wasOffline = IsSilent(entry, now);
                var next = report.State == TerminalState.Normal && entry.State is TerminalState.Fault or TerminalState.Recovered
                    ? TerminalState.Recovered
                    : report.State;
                if (next != entry.State || wasOffline)
                {
                    entry.State = next;
                    entry.Since = now;
                }
            }

            entry.TerminalId = report.TerminalId;
            entry.LastHeard = now;
            entry.Groups = report.Groups ?? entry.Groups;
        }
    }

    /// <summary>The terminal's status now; null if it was never heard from.</summary>
    public TerminalStatus? StatusOf(string key)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return _entries.TryGetValue(key, out var entry) ? StatusOf(key, entry, now) : null;
        }
    }

    public IReadOnlyList<TerminalStatus> Snapshot()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return [.. _entries.Select(e => StatusOf(e.Key, e.Value, now)).OrderBy(s => s.Address, StringComparer.Ordinal)];
        }
    }

    /// <summary>Members of a multicast group that can play now, and how many members are known at all.</summary>
    public IReadOnlyList<string> PlayableMembers(string groupKey, out int known)
    {
        var now = time.GetUtcNow();
        var playable = new List<string>();
        known = 0;
        lock (_gate)
        {
            foreach (var (key, entry) in _entries)
            {
                if (entry.Groups.Contains(groupKey, StringComparer.Ordinal))
                {
                    known++;
                    if (TerminalStateWords.CanPlay(StatusOf(key, entry, now).State))
                    {
                        playable.Add(key);
                    }
                }
            }
        }

        return playable;
    }

    private TerminalStatus StatusOf(string key, Entry entry, DateTimeOffset now) =>
        IsSilent(entry, now)
            ? new TerminalStatus(key, TerminalState.Offline, entry.LastHeard + offlineAfter)
            : new TerminalStatus(key, entry.State, entry.Since);

    private bool IsSilent(Entry entry, DateTimeOffset now) => now - entry.LastHeard > offlineAfter;

    private sealed class Entry
    {
        public string TerminalId { get; set; } = string.Empty;

        public TerminalState State { get; set; }

        public DateTimeOffset Since { get; set; }

        public DateTimeOffset LastHeard { get; set; }

        public IReadOnlyList<string> Groups { get; set; } = [];
    }
}
