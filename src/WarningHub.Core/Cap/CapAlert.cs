namespace WarningHub.Core.Cap;

/// <summary>
/// A CAP 1.2 <c>alert</c> message. Equality is by content (lists compare element by element, times by
/// instant); <see cref="ComputeFingerprint"/> gives the same answer as a stable hash.
/// </summary>
public sealed record CapAlert
{
    /// <summary>The CAP 1.2 XML namespace.</summary>
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>Unique per sender; no spaces, commas, &lt; or &amp;.</summary>
    public required string Identifier { get; init; }

    /// <summary>The originator, unique worldwide (e.g. an e-mail-like address); same character rules.</summary>
    public required string Sender { get; init; }

    public required DateTimeOffset Sent { get; init; }

    /// <summary>Actual, Exercise, System, Test or Draft: routing obeys this field, not the text.</summary>
    public required CapStatus Status { get; init; }

    public required CapMsgType MsgType { get; init; }

    public string? Source { get; init; }

    public required CapScope Scope { get; init; }

    /// <summary>Who may receive a <see cref="CapScope.Restricted"/> message.</summary>
    public string? Restriction { get; init; }

    /// <summary>Intended recipients of a <see cref="CapScope.Private"/> message.</summary>
    public IReadOnlyList<string> Addresses { get; init => field = ValueList.Of(value); } = ValueList<string>.Empty;

    /// <summary>Special handling codes (CAP <c>code</c>, repeated).</summary>
    public IReadOnlyList<string> Codes { get; init => field = ValueList.Of(value); } = ValueList<string>.Empty;

    public string? Note { get; init; }

    /// <summary>Earlier messages this one updates, cancels, acknowledges or rejects.</summary>
    public IReadOnlyList<CapReference> References { get; init => field = ValueList.Of(value); } = ValueList<CapReference>.Empty;

    public IReadOnlyList<string> Incidents { get; init => field = ValueList.Of(value); } = ValueList<string>.Empty;

    public IReadOnlyList<CapInfo> Infos { get; init => field = ValueList.Of(value); } = ValueList<CapInfo>.Empty;

    /// <summary>
    /// SHA-256 (lower-case hex) of a canonical form of the content: the same message resubmitted gives the
    /// same fingerprint whatever its XML or JSON formatting; any change of content gives another.
    /// Times count by instant (an offset change alone does not change the fingerprint).
    /// </summary>
    public string ComputeFingerprint() => CapFingerprint.Compute(this);
}
