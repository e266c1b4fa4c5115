namespace WarningHub.Core.Planning.Policy;

/// <summary>The JSON shape of <c>config/policy.json</c>.</summary>
internal sealed class ReleasePolicyFile
{
    public List<ReleasePolicyRuleFile> Rules { get; set; } = [];
}

/// <summary>One rule as written; checked by <see cref="ReleasePolicy"/>.</summary>
internal sealed class ReleasePolicyRuleFile
{
    public string? Event { get; set; }

    public string? Level { get; set; }

    public List<string>? Audiences { get; set; }

    public List<string>? Channels { get; set; }

    public ReleasePolicyRepeatFile? Repeat { get; set; }

    public bool? Acknowledge { get; set; }

    public bool? DoorToDoor { get; set; }
}

/// <summary>A rule's repeats as written: an interval and how many.</summary>
internal sealed class ReleasePolicyRepeatFile
{
    public string? Every { get; set; }

    public int? Count { get; set; }
}
