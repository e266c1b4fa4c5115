using Microsoft.Extensions.Options;
using WarningHub.Core.Cap;

namespace WarningHub.Engine.Reach;

/// <summary>
/// Which warnings send the village cadres their door-to-door links (入户通知), and how long after release (settings
/// section <c>DoorToDoor</c>). Set up like <see cref="Acknowledgements.AcknowledgementOptions"/>: levels, a time per
/// level, and both replaceable per event. The delay gives SMS, WeChat and loudspeakers time to reach whom they can,
/// so the cadre's list holds only those who still need a visit.
/// </summary>
public sealed class DoorToDoorOptions
{
    private static readonly string[] DefaultLevels = ["Orange", "Red"];

    /// <summary>
    /// The levels that send door-to-door links (Red, Orange, Yellow, Blue). Null until set, so a configured list
    /// replaces the default instead of being appended to it.
    /// </summary>
    /// <value>null: Orange and Red.</value>
    public List<string>? Levels { get; set; }

    /// <summary>How long after release the links are sent, per level.</summary>
    /// <value>Red 10 minutes, Orange 20, Yellow 30, Blue 60.</value>
    public Dictionary<string, TimeSpan> Delays { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Red"] = TimeSpan.FromMinutes(10),
        ["Orange"] = TimeSpan.FromMinutes(20),
        ["Yellow"] = TimeSpan.FromMinutes(30),
        ["Blue"] = TimeSpan.FromMinutes(60),
    };

    /// <summary>Per event (暴雨, 山洪, 地质灾害, ...), levels and delays that replace the ones above for that event.</summary>
    public Dictionary<string, DoorToDoorEventOptions> Events { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether Test warnings send links too. Exercise warnings (drills) always do, marked 【演练】, and their lists hold
    /// the test recipients only; a Test checks the system and leaves cadres alone unless asked.
    /// </summary>
    /// <value>false.</value>
    public bool SendOnTests { get; set; }

    /// <summary>The delay for a level and event, or null when that level of that event sends no links.</summary>
    /// <param name="level">The warning's level; null sends none.</param>
    /// <param name="eventName">The CAP event, whose own settings replace the general ones when present.</param>
    public TimeSpan? DelayFor(WarningLevel? level, string? eventName)
    {
        if (level is not { } l) return null;
        var special = eventName is not null && Events.TryGetValue(eventName, out var e) ? e : null;
        var levels = special?.Levels ?? Levels ?? [.. DefaultLevels];
        return levels.Contains(l.ToString(), StringComparer.OrdinalIgnoreCase) ? DelayOf(l, eventName) : null;
    }

    /// <summary>
    /// The delay for a level whether or not the levels list sends links (the release policy may ask for them): the
    /// event's delay, else the level's, else 20 minutes; a warning without a level waits 20 minutes.
    /// </summary>
    /// <param name="level">The warning's level.</param>
    /// <param name="eventName">The warning's CAP event.</param>
    public TimeSpan DelayOf(WarningLevel? level, string? eventName)
    {
        if (level is not { } known) return TimeSpan.FromMinutes(20);
        var name = known.ToString();
        var special = eventName is not null && Events.TryGetValue(eventName, out var e) ? e : null;
        if (special?.Delays is { } d && d.TryGetValue(name, out var eventDelay)) return eventDelay;
        return Delays.TryGetValue(name, out var delay) ? delay : TimeSpan.FromMinutes(20);
    }
}

/// <summary>Door-to-door settings of one event.</summary>
public sealed class DoorToDoorEventOptions
{
    /// <summary>The levels of this event that send links; null keeps the general list.</summary>
    public List<string>? Levels { get; set; }

    /// <summary>Delays per level for this event; a level absent keeps the general delay.</summary>
    public Dictionary<string, TimeSpan>? Delays { get; set; }
}

/// <summary>Reports every invalid door-to-door setting at start-up.</summary>
public sealed class DoorToDoorOptionsValidator : IValidateOptions<DoorToDoorOptions>
{
    private static readonly string[] LevelNames = ["Red", "Orange", "Yellow", "Blue"];

    public ValidateOptionsResult Validate(string? name, DoorToDoorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(nameof(DoorToDoorOptions.Levels), options.Levels, nameof(DoorToDoorOptions.Delays), options.Delays, failures);
        foreach (var (eventName, e) in options.Events)
        {
            if (string.IsNullOrWhiteSpace(eventName)) failures.Add($"{nameof(DoorToDoorOptions.Events)}: an event name is empty.");
            Check($"{nameof(DoorToDoorOptions.Events)}:{eventName}:{nameof(DoorToDoorEventOptions.Levels)}", e.Levels,
                $"{nameof(DoorToDoorOptions.Events)}:{eventName}:{nameof(DoorToDoorEventOptions.Delays)}", e.Delays, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string levelsName, List<string>? levels, string delaysName, Dictionary<string, TimeSpan>? delays, List<string> failures)
    {
        foreach (var level in levels ?? [])
        {
            if (!LevelNames.Contains(level, StringComparer.OrdinalIgnoreCase)) failures.Add($"{levelsName}: '{level}' is not a level (Red, Orange, Yellow, Blue).");
        }

        foreach (var (level, delay) in delays ?? [])
        {
            if (!LevelNames.Contains(level, StringComparer.OrdinalIgnoreCase)) failures.Add($"{delaysName}: '{level}' is not a level (Red, Orange, Yellow, Blue).");
            if (delay < TimeSpan.Zero || delay > TimeSpan.FromDays(1)) failures.Add($"{delaysName}[{level}] must be 0 s..1 day (was {delay}).");
        }
    }
}
