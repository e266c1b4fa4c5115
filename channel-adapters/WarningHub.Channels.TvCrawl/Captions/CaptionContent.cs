using WarningHub.Abstractions;

namespace WarningHub.Channels.TvCrawl;

/// <summary>
/// What a caption is made of. <see cref="Status"/> is the CAP status: only <c>Actual</c> warnings are ever shown on
/// TV (test and exercise warnings stay off air by this field, never by text).
/// </summary>
public sealed record CaptionContent
{
    /// <summary>The CAP status that may go on air.</summary>
    public const string ActualStatus = "Actual";

    /// <summary>CAP status: Actual, Exercise, Test, System, Draft; empty when unknown (then it is not shown).</summary>
    public required string Status { get; init; }

    /// <summary>The event, e.g. 暴雨.</summary>
    public string Event { get; init; } = "";

    /// <summary>The colour in Chinese, e.g. 红色; empty when the warning has no level.</summary>
    public string Level { get; init; } = "";

    /// <summary>The area in words, e.g. 井研县全境.</summary>
    public string Area { get; init; } = "";

    /// <summary>The headline.</summary>
    public string Headline { get; init; } = "";

    /// <summary>What people must do.</summary>
    public string Instruction { get; init; } = "";

    /// <summary>True when the warning may go on air.</summary>
    public bool IsActual => string.Equals(Status, ActualStatus, StringComparison.Ordinal);

    /// <summary>True for CAP status Exercise (a drill: shown marked 【演练】).</summary>
    public bool IsExercise => string.Equals(Status, "Exercise", StringComparison.Ordinal);

    /// <summary>Reads the named fields the engine puts on a <see cref="TextMessage"/>; a missing status stays empty.</summary>
    public static CaptionContent FromFields(IReadOnlyDictionary<string, string> fields, string? fallbackHeadline = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        string Get(string key) => fields.TryGetValue(key, out var v) ? v : "";
        var headline = Get(MessageFields.Headline);
        return new CaptionContent
        {
            Status = Get(MessageFields.Status),
            Event = Get(MessageFields.Event),
            Level = Get(MessageFields.Level),
            Area = Get(MessageFields.Area),
            Headline = headline.Length > 0 ? headline : fallbackHeadline ?? "",
            Instruction = Get(MessageFields.Instruction),
        };
    }
}
