namespace WarningHub.Core.Cap;

/// <summary>
/// A CAP <c>info</c> block: the warning in one language. An alert carries one per language
/// (zh-CN and en-US here), each with its own areas.
/// </summary>
public sealed record CapInfo
{
    /// <summary>The CAP default when <c>language</c> is absent.</summary>
    public const string DefaultLanguage = "en-US";

    /// <summary>RFC 3066 language tag, e.g. "zh-CN".</summary>
    public string Language { get; init; } = DefaultLanguage;

    public IReadOnlyList<CapCategory> Categories { get; init => field = ValueList.Of(value); } = ValueList<CapCategory>.Empty;

    /// <summary>The kind of event, e.g. "暴雨" or "Rainstorm".</summary>
    public required string Event { get; init; }

    public IReadOnlyList<CapResponseType> ResponseTypes { get; init => field = ValueList.Of(value); } = ValueList<CapResponseType>.Empty;

    public required CapUrgency Urgency { get; init; }

    public required CapSeverity Severity { get; init; }

    public required CapCertainty Certainty { get; init; }

    public string? Audience { get; init; }

    public IReadOnlyList<CapNamedValue> EventCodes { get; init => field = ValueList.Of(value); } = ValueList<CapNamedValue>.Empty;

    public DateTimeOffset? Effective { get; init; }

    public DateTimeOffset? Onset { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public string? SenderName { get; init; }

    public string? Headline { get; init; }

    public string? Description { get; init; }

    public string? Instruction { get; init; }

    /// <summary>A full URL with more information (CAP <c>web</c>).</summary>
    public string? Web { get; init; }

    public string? Contact { get; init; }

    public IReadOnlyList<CapNamedValue> Parameters { get; init => field = ValueList.Of(value); } = ValueList<CapNamedValue>.Empty;

    public IReadOnlyList<CapResource> Resources { get; init => field = ValueList.Of(value); } = ValueList<CapResource>.Empty;

    public IReadOnlyList<CapArea> Areas { get; init => field = ValueList.Of(value); } = ValueList<CapArea>.Empty;

    /// <summary>The value of the first parameter with this name, or null.</summary>
    public string? ParameterValue(string valueName) =>
        Parameters.FirstOrDefault(parameter => string.Equals(parameter.ValueName, valueName, StringComparison.Ordinal))?.Value;
}
