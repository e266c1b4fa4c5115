using WarningHub.Core.Cap;
using WarningHub.Core.Warnings;

namespace WarningHub.Engine.Intake;

/// <summary>How a submission ended.</summary>
public enum IntakeOutcome
{
    /// <summary>Stored durably; release follows.</summary>
    Accepted,

    /// <summary>Seen before with the same content: the earlier warning.</summary>
    Duplicate,

    /// <summary>Same (sender, identifier), different content: refused.</summary>
    Conflict,

    /// <summary>Refused; <see cref="IntakeResult.Problems"/> says why. Nothing was stored.</summary>
    Invalid,

    /// <summary>The hub cannot plan any warning now (no recipient registry): nothing was stored; try again later.</summary>
    Unavailable,

    /// <summary>The submitter may not send for this sender, or may not cancel another sender's warning.</summary>
    Forbidden,
}

public sealed record IntakeResult(IntakeOutcome Outcome, WarningRecord? Warning, IReadOnlyList<CapProblem> Problems)
{
    public static IntakeResult Refused(IntakeOutcome outcome, params CapProblem[] problems) => new(outcome, null, problems);
}
