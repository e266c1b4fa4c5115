namespace WarningHub.Core.Cap;

/// <summary>Thrown by <see cref="CapReadResult.EnsureValid"/> when a CAP message was unreadable or invalid.</summary>
public sealed class CapParseException : Exception
{
    public CapParseException()
        : this([])
    {
    }

    public CapParseException(string message)
        : base(message)
    {
        Problems = [new CapProblem(CapProblem.DocumentPath, message)];
    }

    public CapParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new CapProblem(CapProblem.DocumentPath, message)];
    }

    public CapParseException(IReadOnlyList<CapProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<CapProblem> Problems { get; }

    private static string Describe(IReadOnlyList<CapProblem> problems) =>
        problems.Count == 0
            ? "The CAP message is not valid."
            : $"The CAP message has {problems.Count} problem(s): " + string.Join("; ", problems.Take(10))
              + (problems.Count > 10 ? "; …" : string.Empty);
}
