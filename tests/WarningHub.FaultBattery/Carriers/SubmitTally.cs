namespace WarningHub.FaultBattery.Carriers;

/// <summary>What the simulated gateways' records say: per phone what it received, and the highest rate the hub sent at.</summary>
public static class SubmitTally
{
    /// <summary>Per phone, from the accepted submits: whole messages (a single one, or every part of a reference), fragments, repeats.</summary>
    public static Dictionary<string, PhoneReceived> Received(IEnumerable<SubmitRecord> submits)
    {
        ArgumentNullException.ThrowIfNull(submits);
        var received = new Dictionary<string, PhoneReceived>(StringComparer.Ordinal);
        foreach (var phone in submits.Where(s => s.Accepted).GroupBy(s => s.Phone, StringComparer.Ordinal))
        {
            var singles = phone.Count(s => s.Total <= 1);
            var groups = phone.Where(s => s.Total > 1).GroupBy(s => (s.Reference, s.Total)).ToList();
            var whole = groups.Count(g => Enumerable.Range(1, g.Key.Total).All(n => g.Any(s => s.Seq == n)));
            var repeatedPart = groups.Any(g => g.GroupBy(s => s.Seq).Any(p => p.Count() > 1));
            received[phone.Key] = new PhoneReceived(singles + whole, groups.Count - whole, repeatedPart || singles + whole > 1);
        }

        return received;
    }

    /// <summary>The most submits (accepted or not: the hub sent them) that arrived within any one second.</summary>
    public static int HighestPerSecond(IEnumerable<SubmitRecord> submits)
    {
        ArgumentNullException.ThrowIfNull(submits);
        var times = submits.Select(s => s.At.UtcTicks).Order().ToArray();
        var best = 0;
        for (int first = 0, last = 0; last < times.Length; last++)
        {
            while (times[last] - times[first] >= TimeSpan.TicksPerSecond) first++;
            best = Math.Max(best, last - first + 1);
        }

        return best;
    }

    /// <summary>What each phone got over two gateways: a whole message at each counts as a repeat.</summary>
    public static Dictionary<string, PhoneReceived> Together(IReadOnlyDictionary<string, PhoneReceived> a, IReadOnlyDictionary<string, PhoneReceived> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var all = new Dictionary<string, PhoneReceived>(a, StringComparer.Ordinal);
        foreach (var (phone, got) in b)
        {
            all[phone] = all.TryGetValue(phone, out var first)
                ? new PhoneReceived(first.CompleteMessages + got.CompleteMessages, first.OrphanGroups + got.OrphanGroups,
                    first.Duplicated || got.Duplicated || (first.CompleteMessages > 0 && got.CompleteMessages > 0))
                : got;
        }

        return all;
    }
}
