namespace WarningHub.Core.Cap;

/// <summary>
/// What reading a CAP message gave: the alert, if the document could be turned into one, and every problem
/// found while reading and validating it.
/// </summary>
public sealed class CapReadResult
{
    internal CapReadResult(CapAlert? alert, IReadOnlyList<CapProblem> problems)
    {
        Alert = alert;
        Problems = problems;
    }

    /// <summary>
    /// The alert, or null when the document is not a readable CAP 1.2 alert: not XML/JSON, refused as
    /// hostile or oversized, another namespace, or a required value missing or unreadable.
    /// When not null it may still have <see cref="Problems"/>; do not disseminate it unless <see cref="IsValid"/>.
    /// </summary>
    public CapAlert? Alert { get; }

    /// <summary>All problems, reading problems first, then validation problems.</summary>
    public IReadOnlyList<CapProblem> Problems { get; }

    /// <summary>True when an alert was read and it has no problem at all.</summary>
    public bool IsValid => Alert is not null && Problems.Count == 0;

    /// <summary>Returns the alert when valid; otherwise throws a <see cref="CapParseException"/> listing the problems.</summary>
    public CapAlert EnsureValid() =>
        IsValid ? Alert! : throw new CapParseException(Problems);

    internal static CapReadResult Refused(string reason) =>
        new(null, [new CapProblem(CapProblem.DocumentPath, reason)]);
}
