using WarningHub.Abstractions;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Reach;

/// <summary>
/// Loudspeaker terminals (大喇叭) that cannot play at report time, per channel and village: their adapter reports them
/// offline, faulty or stopped. It is a count of terminals as they are now, apart from slot outcomes: a slot of such a
/// terminal is refused as a temporary failure and so is never counted as reached; one that played before the terminal
/// went down stays delivered. Terminals the adapter has never heard from are not counted here (their slots stay pending,
/// then fail).
/// </summary>
public sealed class OfflineTerminals
{
    private readonly Dictionary<(string Channel, string Village), int> _byVillage;

    private OfflineTerminals(Dictionary<(string Channel, string Village), int> byVillage) => _byVillage = byVillage;

    /// <summary>No terminal is known to be offline.</summary>
    public static OfflineTerminals None { get; } = new([]);

    /// <summary>The loudspeaker channels, whose terminals adapters monitor.</summary>
    public static IReadOnlySet<string> LoudspeakerChannels { get; } = new HashSet<string>(StringComparer.Ordinal) { Planning.Channels.LoudspeakerIp, Planning.Channels.LoudspeakerSerial };

    /// <summary>Offline, fault and stopped: states in which a terminal cannot play a bulletin.</summary>
    public static bool CannotPlay(TerminalState state) => state is TerminalState.Offline or TerminalState.Fault or TerminalState.Stopped;

    /// <summary>Counts the terminals a warning plans for (test terminals for Test and Exercise, the others otherwise).</summary>
    /// <param name="statusOf">The state now of a terminal, by its channel and registry address; null when no adapter knows it.</param>
    public static OfflineTerminals Count(CountyEndpoints endpoints, bool testOnly, Func<string, string, TerminalStatus?> statusOf)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(statusOf);
        var counts = new Dictionary<(string, string), int>();
        // The planner plans one slot per address and channel; a terminal listed twice is one terminal.
        var terminals = endpoints.Terminals.Where(t => t.IsTest == testOnly && LoudspeakerChannels.Contains(t.Channel))
            .DistinctBy(t => (t.Channel, t.Address));
        foreach (var t in terminals)
        {
            if (statusOf(t.Channel, t.Address) is not { } status || !CannotPlay(status.State)) continue;
            var key = (t.Channel, t.VillageCode);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return new OfflineTerminals(counts);
    }

    /// <summary>Terminals of <paramref name="channel"/> in the village that cannot play now.</summary>
    public int In(string channel, string villageCode) => _byVillage.GetValueOrDefault((channel, villageCode));

    /// <summary>Terminals of <paramref name="channel"/> anywhere that cannot play now.</summary>
    public int Total(string channel) => _byVillage.Where(kv => kv.Key.Channel == channel).Sum(kv => kv.Value);
}
