using WarningHub.Testing.Peers;
using System.Text.Json;

namespace WarningHub.Interop.Tests.Support;

/// <summary>
/// What each phone received, counted from the SMSC's own submit events: complete messages, fragments that never
/// became a complete message, and parts or messages received more than once.
/// </summary>
internal sealed class SmscTally
{
    private SmscTally(IReadOnlyDictionary<string, PhoneTally> phones) => Phones = phones;

    public IReadOnlyDictionary<string, PhoneTally> Phones { get; }

    public static SmscTally Of(NodeSmsc peer)
    {
        var phones = new Dictionary<string, PhoneTally>(StringComparer.Ordinal);
        foreach (var group in peer.OfType("submit").GroupBy(e => e.GetProperty("destination").GetString()!))
        {
            var singles = 0;
            var parts = new Dictionary<(string Kind, int Ref, int Total), Dictionary<int, int>>();
            foreach (var submit in group)
            {
                if (!submit.TryGetProperty("concat", out var concat) || concat.ValueKind != JsonValueKind.Object || concat.GetProperty("total").GetInt32() <= 1)
                {
                    singles++;
                    continue;
                }

                var key = (concat.GetProperty("kind").GetString()!, concat.GetProperty("ref").GetInt32(), concat.GetProperty("total").GetInt32());
                if (!parts.TryGetValue(key, out var seen))
                {
                    parts[key] = seen = [];
                }

                var seq = concat.GetProperty("seq").GetInt32();
                seen[seq] = seen.GetValueOrDefault(seq) + 1;
            }

            var complete = parts.Count(p => Enumerable.Range(1, p.Key.Total).All(p.Value.ContainsKey));
            var orphans = parts.Count - complete;
            var repeatedParts = parts.Values.Any(seen => seen.Values.Any(n => n > 1));
            phones[group.Key] = new PhoneTally(singles + complete, orphans, repeatedParts || singles + complete > 1);
        }

        return new SmscTally(phones);
    }

    public int CompleteFor(string phone) => Phones.TryGetValue(phone, out var t) ? t.CompleteMessages : 0;

    public IEnumerable<string> Duplicated => Phones.Where(p => p.Value.Duplicated).Select(p => p.Key);

    public IEnumerable<string> WithOrphans => Phones.Where(p => p.Value.OrphanGroups > 0).Select(p => p.Key);

    /// <summary>
    /// The most submit_sm (accepted or throttled) the SMSC saw in any sliding second, leaving out the seconds that end
    /// a stall of the SMSC itself (its event loop blocked on a loaded machine: the submits that waited in its socket
    /// all get the stall's end as their time, which says nothing about how the sender spaced them).
    /// </summary>
    public static (int Busiest, int SecondsLeftOut) BusiestSecond(NodeSmsc peer, params string[] types)
    {
        var times = peer.Events
            .Where(e => types.Contains(e.GetProperty("type").GetString()) && e.TryGetProperty("at", out _))
            .Select(e => e.GetProperty("at").GetDouble())
            .Order()
            .ToList();
        var stalls = peer.OfType("stall").Select(e => e.GetProperty("at").GetDouble()).Order().ToList();
        var busiest = 0;
        var leftOut = 0;
        for (int first = 0, last = 0; last < times.Count; last++)
        {
            while (times[last] - times[first] >= 1000)
            {
                first++;
            }

            var from = times[first];
            var to = times[last];
            if (stalls.Exists(at => at >= from && at <= to + 1))
            {
                leftOut++;
                continue;
            }

            busiest = Math.Max(busiest, last - first + 1);
        }

        return (busiest, leftOut);
    }
}

internal sealed record PhoneTally(int CompleteMessages, int OrphanGroups, bool Duplicated);
