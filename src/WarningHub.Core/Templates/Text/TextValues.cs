namespace WarningHub.Core.Templates.Text;

/// <summary>What a text template can say about one warning; empty strings where the warning says nothing.</summary>
public sealed record TextValues
{
    public string Signature { get; init; } = "";

    public string Headline { get; init; } = "";

    public string Event { get; init; } = "";

    public string Level { get; init; } = "";

    public string Area { get; init; } = "";

    public string Instruction { get; init; } = "";

    public string Description { get; init; } = "";

    public string Sender { get; init; } = "";

    public string Effective { get; init; } = "";

    public string Expires { get; init; } = "";

    /// <summary>A link for the recipient (the village broadcaster's page, a cadre's door-to-door list); empty for the public.</summary>
    public string Link { get; init; } = "";

    /// <summary>The village a door-to-door link is for; empty elsewhere.</summary>
    public string Village { get; init; } = "";

    internal string? Get(string placeholder) => placeholder switch
    {
        "signature" => Signature,
        "headline" => Headline,
        "event" => Event,
        "level" => Level,
        "area" => Area,
        "instruction" => Instruction,
        "description" => Description,
        "sender" => Sender,
        "effective" => Effective,
        "expires" => Expires,
        "link" => Link,
        "village" => Village,
        _ => null,
    };
}
