using Microsoft.Extensions.Options;
using WarningHub.Core.Cap;

namespace WarningHub.Engine.Acknowledgements;

/// <summary>
/// Which warnings call on officers to answer (叫应) and how long they have (settings section <c>Acknowledgements</c>).
/// </summary>
public sealed class AcknowledgementOptions
{
    private static readonly string[] DefaultLevels = ["Orange", "Red"];

    /// <summary>
    /// The levels that call for 叫应 (Red, Orange, Yellow, Blue). Null until set, so a configured list replaces the
    /// default instead of being appended to it (the configuration binder adds to a list that already has items).
    /// </summary>
    /// <value>null: Orange and Red.</value>
    public List<string>? Levels { get; set; }

    /// <summary>How long an officer has to answer, per level. The reminder and the next tier follow at the deadline, the tier after at twice it.</summary>
    /// <value>Red 5 minutes, Orange 10, Yellow 20, Blue 30.</value>
    public Dictionary<string, TimeSpan> Deadlines { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Red"] = TimeSpan.FromMinutes(5),
        ["Orange"] = TimeSpan.FromMinutes(10),
        ["Yellow"] = TimeSpan.FromMinutes(20),
        ["Blue"] = TimeSpan.FromMinutes(30),
    };

    /// <summary>Per event (暴雨, 山洪, 地质灾害, ...), levels and deadlines that replace the ones above for that event.</summary>
    public Dictionary<string, AcknowledgementEventOptions> Events { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether Test warnings call officers too. Exercise warnings (drills) always do, marked 【演练】, because a drill
    /// rehearses the officers' answer; a Test only checks the system, so it leaves officers alone unless asked.
    /// </summary>
    /// <value>false.</value>
    public bool CallOnTests { get; set; }

    /// <summary>The deadline for a level and event, or null when that level of that event calls for no 叫应.</summary>
    public TimeSpan? DeadlineFor(WarningLevel? level, string? eventName)
    {
        if (level is not { } l) return null;
        var name = l.ToString();
        var special = eventName is not null && Events.TryGetValue(eventName, out var e) ? e : null;
        var levels = special?.Levels ?? Levels ?? [.. DefaultLevels];
        if (!levels.Contains(name, StringComparer.OrdinalIgnoreCase)) return null;
        if (special?.Deadlines is { } d && d.TryGetValue(name, out var eventDeadline)) return eventDeadline;
        return Deadlines.TryGetValue(name, out var deadline) ? deadline : TimeSpan.FromMinutes(10);
    }
}

/// <summary>Deadlines for a warning the release policy calls officers for, whatever the levels above say.</summary>
public static class AcknowledgementDeadlines
{
    /// <summary>The deadline of a level and event: the event's, else the level's, else 10 minutes.</summary>
    /// <param name="options">The 叫应 settings.</param>
    /// <param name="level">The warning's level; null when it states none.</param>
    /// <param name="eventName">The warning's event.</param>
    public static TimeSpan DeadlineOf(this AcknowledgementOptions options, WarningLevel? level, string? eventName)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fallback = TimeSpan.FromMinutes(10);
        if (level is not { } l) return fallback;
        var name = l.ToString();
        if (eventName is not null && options.Events.TryGetValue(eventName, out var e) && e.Deadlines is { } d && d.TryGetValue(name, out var eventDeadline)) return eventDeadline;
        return options.Deadlines.TryGetValue(name, out var deadline) ? deadline : fallback;
    }
}

/// <summary>叫应 settings of one event.</summary>
public sealed class AcknowledgementEventOptions
{
    /// <summary>The levels of this event that call for 叫应; null keeps the general list.</summary>
    public List<string>? Levels { get; set; }

    /// <summary>Deadlines per level for this event; a level absent keeps the general deadline.</summary>
    public Dictionary<string, TimeSpan>? Deadlines { get; set; }
}

/// <summary>Reports every invalid 叫应 setting at start-up.</summary>
public sealed class AcknowledgementOptionsValidator : IValidateOptions<AcknowledgementOptions>
{
    private static readonly string[] LevelNames = ["Red", "Orange", "Yellow", "Blue"];

    public ValidateOptionsResult Validate(string? name, AcknowledgementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(nameof(AcknowledgementOptions.Levels), options.Levels, nameof(AcknowledgementOptions.Deadlines), options.Deadlines, failures);
        foreach (var (eventName, e) in options.Events)
        {
            if (string.IsNullOrWhiteSpace(eventName)) failures.Add($"{nameof(AcknowledgementOptions.Events)}: an event name is empty.");
            Check($"{nameof(AcknowledgementOptions.Events)}:{eventName}:{nameof(AcknowledgementEventOptions.Levels)}", e.Levels,
                $"{nameof(AcknowledgementOptions.Events)}:{eventName}:{nameof(AcknowledgementEventOptions.Deadlines)}", e.Deadlines, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string levelsName, List<string>? levels, string deadlinesName, Dictionary<string, TimeSpan>? deadlines, List<string> failures)
    {
        foreach (var level in levels ?? [])
        {
            if (!LevelNames.Contains(level, StringComparer.OrdinalIgnoreCase)) failures.Add($"{levelsName}: '{level}' is not a level (Red, Orange, Yellow, Blue).");
        }

        foreach (var (level, deadline) in deadlines ?? [])
        {
            if (!LevelNames.Contains(level, StringComparer.OrdinalIgnoreCase)) failures.Add($"{deadlinesName}: '{level}' is not a level (Red, Orange, Yellow, Blue).");
            if (deadline < TimeSpan.FromSeconds(1) || deadline > TimeSpan.FromDays(1)) failures.Add($"{deadlinesName}[{level}] must be 1 s..1 day (was {deadline}).");
        }
    }
}
